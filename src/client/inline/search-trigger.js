// @ts-check
// The header's search: loads Pagefind's Component UI on the reader's first move towards search.
/** @typedef {import('#client/modules/search-ui.ts').PagefindResult} PagefindResult */
(() => {
	const trigger = /** @type {HTMLAnchorElement} */ (
		document.querySelector('[data-search-trigger]')
	);
	/**
	 * Pagefind's `<pagefind-modal>`: a custom element, defined once its script has loaded. None
	 * on the search page, where the shortcuts focus the page's own box.
	 */
	const modal = /** @type {(HTMLElement & { isOpen: boolean, open(): void }) | null} */ (
		document.querySelector('pagefind-modal[instance="header"]')
	);
	const bundle = trigger.dataset.pagefindBundle;
	// An edition's page names its edition (`SearchAttributes.astro`): the search page, opened
	// from it, searches that edition too.
	const edition = /** @type {HTMLMetaElement | null} */ (
		document.querySelector('meta[name="edelweiss-search-index"]')
	)?.content;
	if (edition) trigger.search = `?edition=${encodeURIComponent(edition)}`;
	/** @typedef {{ editions: { id: string, path: string }[], defaultScope: string[] }} SearchIndexes */
	/** @type {Promise<SearchIndexes> | undefined} */
	let listing;
	/** The editions' indexes (`pagefind/editions.json`), fetched once; none when it cannot be read. */
	const listEditions = () =>
		(listing ??= fetch(`${bundle}editions.json`)
			.then((response) => (response.ok ? response.json() : Promise.reject()))
			.then(
				(/** @type {SearchIndexes} */ read) => read,
				() => ({ editions: [], defaultScope: [] }),
			));
	/** Whether the header's search leaves editions out. */
	let headerLeavesOut = false;
	// The header's search covers the hub's index, the default scope the build chose and this
	// page's edition, as `defaultEditions` (src/lib/search/search-indexes.ts) says; the search
	// page sets its own.
	const scopeHeader = async () => {
		// A copy opened from disk merges every edition itself (`file-bundle/pagefind-classic.js`);
		// the search page has no modal, and scopes and loads its own instance.
		if (window.edelweissFileSearch || !modal) return;
		const header = window.PagefindComponents?.getInstanceManager().getInstance('header');
		const { editions, defaultScope } = await listEditions();
		const mergeIndex = editions
			.filter((listed) => defaultScope.includes(listed.id) || listed.id === edition)
			.map((listed) => ({
				bundlePath: `${bundle}${listed.path}`,
				baseUrl: trigger.dataset.baseUrl ?? '/',
			}));
		header?.applyOptions({ mergeIndex });
		headerLeavesOut = mergeIndex.length < editions.length;
		if (header) keepSearchesInOrder(header);
	};
	/**
	 * Pagefind's Component UI numbers a search, to drop stale results, only once its index has
	 * loaded; but the load sets the index before its filters arrive, so a word typed meanwhile
	 * was numbered before the shorter one typed earlier, whose results then came last and stayed
	 * ("po" shown for "podman"). Every search of the instance waits for the whole load, begun
	 * here, so they are numbered in the order they were typed.
	 * @param {import('#client/modules/search-ui.ts').SearchInstance} instance
	 */
	const keepSearchesInOrder = (instance) => {
		const loaded = instance.triggerLoad().catch(() => {});
		const search = instance.__search__.bind(instance);
		instance.__search__ = async (term, filters) => {
			await loaded;
			return search(term, filters);
		};
	};
	/** @type {Promise<void> | undefined} */
	let loading;
	/** Pagefind's Component UI, script and styles, from the built bundle; once. */
	const load = () =>
		// A copy opened from disk loads them through its own loader (see docs/offline-and-privacy.md).
		(loading ??= (
			window.edelweissFileSearch?.load() ??
			/** @type {Promise<void>} */ (
				new Promise((resolve, reject) => {
					// The script waits for the styles: elements it draws before them show unstyled
					// for a moment (the modal's, in the header), moving the whole page down and back.
					const stylesheet = Object.assign(document.createElement('link'), {
						rel: 'stylesheet',
						href: `${bundle}pagefind-component-ui.css`,
						onload: () => import(`${bundle}pagefind-component-ui.js`).then(() => resolve(), reject),
						onerror: reject,
					});
					// Fetched meanwhile, so waiting for the styles costs no extra round trip.
					const script = Object.assign(document.createElement('link'), {
						rel: 'modulepreload',
						href: `${bundle}pagefind-component-ui.js`,
					});
					document.head.append(stylesheet, script);
				})
			)
		)
			.then(scopeHeader)
			.then(offerSuggestions)
			.catch((/** @type {unknown} */ error) => {
				loading = undefined;
				throw error;
			}));
	window.edelweissSearch = { load };

	// A search whose last word matches nothing as typed ("podmna" finds only "pod") offers the
	// shorter word that does ("podman": Pagefind matches the last word as a prefix); one that
	// finds nothing at all and has no such word offers the tags. On every search box of the page.
	// Pagefind marks a word with the punctuation that ends it ("Podman."): only letters and digits are the word.
	/** @param {PagefindResult} result */
	const markedWords = async (result) =>
		[...((await result.data()).excerpt ?? '').matchAll(/<mark>([^<]+)<\/mark>/g)].map((match) =>
			String(match[1])
				.toLowerCase()
				.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''),
		);
	/** @param {string} term @param {PagefindResult[]} results @param {{ search(term: string): Promise<{ results: PagefindResult[] } | null> }} pagefind the instance's own, over its indexes */
	const suggestionFor = async (term, results, pagefind) => {
		const words = term.trim().split(/\s+/);
		const last = (words.pop() ?? '').toLowerCase();
		if (last.length < 4 || window.edelweissFileSearch) return undefined;
		if (results[0] && (await markedWords(results[0])).some((word) => word.startsWith(last)))
			return undefined;
		for (
			let length = last.length - 1;
			length >= Math.max(3, Math.ceil(last.length / 2));
			length--
		) {
			const prefix = last.slice(0, length);
			const [first] = (await pagefind.search(prefix))?.results ?? [];
			const word =
				first &&
				(await markedWords(first)).find(
					(candidate) => candidate.startsWith(prefix) && candidate !== last,
				);
			if (word) return [...words, word].join(' ');
		}
		return undefined;
	};
	// Offline, results whose text was never saved on this device show none: say how many, and where to save.
	/** @param {PagefindResult[]} results */
	const unsavedAmong = async (results) => {
		if (!('caches' in window) || window.edelweissFileSearch) return 0;
		// A result's fragment is in its index's folder: the hub's or an edition's.
		const folders = [
			bundle,
			...(await listEditions()).editions.map((listed) => `${bundle}${listed.path}`),
		];
		/** @param {PagefindResult} result */
		const saved = async (result) => {
			for (const folder of folders)
				if (
					await caches.match(`${folder}fragment/${result.id}.pf_fragment`, { ignoreSearch: true })
				)
					return true;
			return false;
		};
		const missing = (await Promise.all(results.slice(0, 10).map(saved))).filter(
			(hit) => !hit,
		).length;
		if (!missing) return 0;
		// The query keeps the precache from answering: only the network can.
		const online = await fetch(`${bundle}pagefind-entry.json?probe=${Date.now()}`, {
			cache: 'no-store',
		}).then(
			(response) => response.ok,
			() => false,
		);
		return online ? 0 : missing;
	};
	const offerSuggestions = () => {
		for (const results of document.querySelectorAll('pagefind-results')) {
			const name = results.getAttribute('instance') ?? 'default';
			const instance = window.PagefindComponents?.getInstanceManager().getInstance(name);
			// Said before the count of results ("4 results for postmarketso"), which it explains.
			const summary = results.parentElement?.querySelector(
				name === 'default'
					? 'pagefind-summary:not([instance])'
					: `pagefind-summary[instance="${name}"]`,
			);
			const anchor = summary ?? results;
			if (!instance || anchor.previousElementSibling?.matches('[data-search-suggestion]')) continue;
			const note = Object.assign(document.createElement('p'), {
				className: 'search-suggestion',
				hidden: true,
			});
			note.dataset.searchSuggestion = '';
			anchor.before(note);
			/** @param {string} term */
			const searchFor = (term) => {
				const input = /** @type {HTMLInputElement | null} */ (
					document.querySelector(
						name === 'default'
							? 'pagefind-input:not([instance]) input'
							: `pagefind-input[instance="${name}"] input`,
					)
				);
				if (!input) return;
				input.value = term;
				input.dispatchEvent(new Event('input', { bubbles: true }));
				input.focus();
			};
			/** @param {string} href @param {string} text */
			const link = (href, text) =>
				Object.assign(document.createElement('a'), { href, textContent: text });
			let latest = 0;
			instance.on('results', async (found) => {
				const term = instance.searchTerm ?? '';
				const results = found?.results ?? [];
				const search = ++latest;
				note.hidden = true;
				if (!term.trim()) return;
				const unsaved = results.length ? await unsavedAmong(results).catch(() => 0) : 0;
				if (search !== latest) return;
				if (unsaved) {
					note.replaceChildren(
						`You are offline, and ${unsaved === 1 ? 'one result is' : `${unsaved} results are`} not saved on this device: ${unsaved === 1 ? 'it shows' : 'they show'} no text. `,
						link(/** @type {string} */ (offlinePage), 'Save the hub for offline'),
						' to search everything without a connection.',
					);
					note.hidden = false;
					return;
				}
				const suggestion = instance.__pagefind__
					? await suggestionFor(term, results, instance.__pagefind__).catch(() => undefined)
					: undefined;
				if (search !== latest) return;
				if (suggestion) {
					const href = new URL(trigger.href);
					href.searchParams.set('q', suggestion);
					const offer = link(href.href, suggestion);
					offer.addEventListener('click', (event) => {
						event.preventDefault();
						searchFor(suggestion);
					});
					note.replaceChildren('Did you mean ', offer, '?');
				} else if (!results.length) {
					note.replaceChildren(
						`Nothing in the hub matches “${term.trim()}”. Try a broader word, or `,
						link(/** @type {string} */ (tagsUrl), 'browse the tags'),
						'.',
					);
					// Older editions were left out: say so, with the way to search them too.
					const unsearched =
						name === 'header'
							? headerLeavesOut
							: Boolean(document.querySelector('[data-search-all-years]:not(:disabled)'));
					if (unsearched) {
						const everyYear = new URL(trigger.href);
						everyYear.search = '';
						everyYear.searchParams.set('q', term.trim());
						everyYear.searchParams.set('years', 'all');
						note.append(
							' Older editions were not searched: ',
							link(everyYear.href, 'search all years'),
							'.',
						);
					}
				} else return;
				note.hidden = false;
			});
		}
	};
	const offlinePage = trigger.dataset.offline;
	const tagsUrl = trigger.dataset.tags;

	// Pagefind returns focus to its own trigger element; ours is a link, so do it here.
	/** @type {HTMLElement} */
	let returnFocusTo = trigger;
	// The dialog's `close` does not bubble: listen while it descends.
	modal?.addEventListener('close', () => returnFocusTo.focus(), { capture: true });

	async function openSearch() {
		// On the search page the shortcuts focus its own box instead of opening the modal.
		const pageInput = /** @type {HTMLInputElement | null} */ (
			document.querySelector('[data-search-page] pagefind-input input')
		);
		if (pageInput) return pageInput.focus();
		if (!modal) return;
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
		target instanceof HTMLElement &&
		(target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

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
		const modK =
			event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
		if (!slash && !modK) return;
		event.preventDefault();
		openSearch();
	});
})();
