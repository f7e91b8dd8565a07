// @ts-check
// Applies a remembered theme before first paint, so dark-mode readers get no flash.
try {
	const theme = localStorage.getItem('theme');
	if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
	// Storage is off (private browsing, blocked cookies): the page follows the system theme.
}
