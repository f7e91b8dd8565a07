// @ts-check
// The theme picker: System, Light or Dark. "System" forgets the choice and follows the system again.
(() => {
	const root = document.documentElement;
	const control = /** @type {HTMLElement} */ (document.querySelector('[data-theme-toggle]'));
	const select = /** @type {HTMLSelectElement} */ (control.querySelector('select'));
	const stored = root.dataset.theme;
	select.value = stored === 'light' || stored === 'dark' ? stored : 'auto';
	select.addEventListener('change', () => {
		const theme = select.value;
		if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
		else delete root.dataset.theme;
		try {
			if (theme === 'auto') localStorage.removeItem('theme');
			else localStorage.setItem('theme', theme);
		} catch {
			// Storage is off: the choice lasts for this page only.
		}
	});
})();
