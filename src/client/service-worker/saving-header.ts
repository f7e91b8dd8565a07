/**
 * The header "Save for offline" sends with each file it downloads: the service worker then
 * leaves the file to the saved unit's cache instead of also keeping a copy as it would for a
 * search in progress.
 */
export const savingHeader = 'x-edelweiss-saving';
