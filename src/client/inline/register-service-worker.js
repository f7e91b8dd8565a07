// @ts-check
// Registers the service worker that keeps read pages for offline reading (see /offline/).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
	const script = /** @type {HTMLScriptElement} */ (document.currentScript);
	navigator.serviceWorker.register(/** @type {string} */ (script.dataset.serviceWorker));
}
