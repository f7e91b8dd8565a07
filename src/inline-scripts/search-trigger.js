// @ts-check
// The header's search: loads Pagefind's Component UI on the reader's first move towards search.
(() => {
	const trigger = /** @type {HTMLAnchorElement} */ (document.querySelector('[data-search-trigger]'));
	/** Pagefind's `<pagefind-modal>`: a custom element, defined once its script has loaded. */
	const modal = /** @type {HTMLElement & { isOpen: boolean, open(): void }} */ (document.querySelector('pagefind-modal[instance="header"]'));
	const bundle = trigger.dataset.pagefindBundle;
	/** @type {Promise<void> | undefined} */
	let loading;
	/** Pagefind's Component UI, script and styles, from the built bundle; once. */
	const load = () =>
		// A copy opened from disk loads them through its own loader (see docs/offline-and-privacy.md).
		(loading ??= (
			window.edelweissFileSearch?.load() ??
			/** @type {Promise<void>} */ (
				new Promise((resolve, reject) => {
					const stylesheet = Object.assign(document.createElement('link'), {
						rel: 'stylesheet',
						href: `${bundle}pagefind-component-ui.css`,
					});
					document.head.append(stylesheet);
					import(`${bundle}pagefind-component-ui.js`).then(() => resolve(), reject);
				})
			)
		).catch((/** @type {unknown} */ error) => {
			loading = undefined;
			throw error;
		}));
	window.edelweissSearch = { load };

	// Pagefind returns focus to its own trigger element; ours is a link, so do it here.
	/** @type {HTMLElement} */
	let returnFocusTo = trigger;
	// The dialog's `close` does not bubble: listen while it descends.
	modal.addEventListener('close', () => returnFocusTo.focus(), { capture: true });

	async function openSearch() {
		// On the search page the shortcuts focus its own box instead of opening the modal.
		const pageInput = /** @type {HTMLInputElement | null} */ (document.querySelector('[data-search-page] pagefind-input input'));
		if (pageInput) return pageInput.focus();
		const focused = document.activeElement;
		try {
			await load();
		} catch {
			// The index is missing or unreachable: the search page explains and offers the lists.
			location.assign(trigger.href);
			return;
		}
		await customElements.whenDefined('pagefind-modal');
		if (modal.isOpen) return;
		returnFocusTo = focused instanceof HTMLElement && focused !== document.body ? focused : trigger;
		modal.open();
	}

	/** @param {EventTarget | null} target */
	const isTyping = (target) =>
		target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

	trigger.addEventListener('focus', () => load().catch(() => {}), { once: true });
	trigger.addEventListener('click', (event) => {
		// Modified clicks keep their usual meaning: the search page in a new tab or window.
		if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
		event.preventDefault();
		openSearch();
	});
	document.addEventListener('keydown', (event) => {
		if (event.defaultPrevented || isTyping(event.target)) return;
		const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
		const modK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
		if (!slash && !modK) return;
		event.preventDefault();
		openSearch();
	});
})();
