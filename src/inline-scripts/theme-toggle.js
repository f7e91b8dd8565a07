// @ts-check
// The dark mode toggle: switches light and dark and remembers the choice.
(() => {
	const root = document.documentElement;
	const button = /** @type {HTMLButtonElement} */ (document.querySelector('[data-theme-toggle]'));
	const isDark = () =>
		root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
	const sync = () => button.setAttribute('aria-pressed', String(isDark()));
	button.hidden = false;
	sync();
	button.addEventListener('click', () => {
		root.dataset.theme = isDark() ? 'light' : 'dark';
		try {
			localStorage.setItem('theme', root.dataset.theme);
		} catch {}
		sync();
	});
})();
