// "Save for offline": downloads every page and the whole search index into this deploy's caches.
(() => {
	const control = document.getElementById('save-offline');
	const button = control.querySelector('button');
	const progress = control.querySelector('progress');
	const status = control.querySelector('[role="status"]');
	if (location.pathname !== control.dataset.page) document.querySelector('.not-saved').hidden = false;
	if (!('serviceWorker' in navigator) || !('caches' in window) || location.protocol === 'file:') {
		status.textContent = 'This copy of the hub cannot be saved here: open it from its website in a current browser.';
		return;
	}
	const loadList = async () => {
		const response = await fetch(control.dataset.list);
		if (!response.ok) throw new Error(`the list of pages could not be loaded (HTTP ${response.status})`);
		return response.json();
	};
	const missingFrom = async (list) => {
		const missing = [];
		for (const [name, urls] of [[list.caches.pages, list.pages], [list.caches.search, list.search]]) {
			const cache = await caches.open(name);
			for (const url of urls) if (!(await cache.match(url))) missing.push([cache, url]);
		}
		return missing;
	};
	const showState = async () => {
		const list = await loadList();
		const missing = await missingFrom(list);
		const total = list.pages.length + list.search.length;
		if (missing.length === 0) {
			status.textContent = `Saved: the whole hub is available offline, ${list.pages.length} pages and the full search index.`;
			button.hidden = true;
		} else {
			const saved = `${total - missing.length} of ${total} files are saved on this device.`;
			status.textContent = navigator.onLine ? saved : `${saved} Connect to save the rest.`;
			button.hidden = !navigator.onLine;
		}
	};
	button.addEventListener('click', async () => {
		button.disabled = true;
		try {
			// The service worker's install step caches the page shell and the search bundle.
			await navigator.serviceWorker.ready;
			const missing = await missingFrom(await loadList());
			progress.max = missing.length;
			progress.value = 0;
			progress.hidden = false;
			status.textContent = `Saving ${missing.length} files…`;
			let next = 0;
			const saveNext = async () => {
				while (next < missing.length) {
					const [cache, url] = missing[next++];
					const response = await fetch(url, { cache: 'no-cache' });
					if (!response.ok) throw new Error(`${url} could not be downloaded (HTTP ${response.status})`);
					await cache.put(url, response);
					progress.value += 1;
				}
			};
			await Promise.all(Array.from({ length: 4 }, saveNext));
			await showState();
		} catch (error) {
			status.textContent = `Saving stopped: ${error.message}. Try again when the connection is back.`;
			button.hidden = false;
		} finally {
			button.disabled = false;
		}
	});
	showState().catch((error) => (status.textContent = `The saved state is unknown: ${error.message}.`));
})();
