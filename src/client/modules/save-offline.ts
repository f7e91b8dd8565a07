import { mapConcurrently } from '#lib/concurrency.ts';
import type { OfflineList } from '#lib/site/offline.ts';

/** How many files "Save for offline" downloads at once: enough to overlap, gentle on the host. */
const downloads = 4;

/**
 * "Save for offline" on the offline page: downloads every page and the whole search index into
 * this deploy's caches, with progress, and says what is saved each time the page opens.
 */
export function startSaveOffline() {
	const control = document.getElementById('save-offline')!;
	const button = control.querySelector('button')!;
	const progress = control.querySelector('progress')!;
	const status = control.querySelector<HTMLElement>('[role="status"]')!;
	const listUrl = control.dataset.list!;
	if (location.pathname !== control.dataset.page)
		document.querySelector<HTMLElement>('.not-saved')!.hidden = false;
	if (!('serviceWorker' in navigator) || !('caches' in window) || location.protocol === 'file:') {
		status.textContent =
			'This copy of the hub cannot be saved here: open it from its website in a current browser.';
		return;
	}
	// `navigator.onLine` stays true in browsers that cannot tell (and in some that were told):
	// whether the network answers is learnt from a request that no cache may answer. The query
	// keeps the service worker's precache from serving it; the precached list is the fallback.
	const loadList = async (): Promise<{ list: OfflineList; online: boolean }> => {
		let online = true;
		let response = await fetch(`${listUrl}?fresh=${Date.now()}`, { cache: 'no-store' }).catch(
			() => undefined,
		);
		if (!response) {
			online = false;
			response = await fetch(listUrl);
		}
		if (!response.ok)
			throw new Error(`the list of pages could not be loaded (HTTP ${response.status})`);
		return { list: (await response.json()) as OfflineList, online };
	};
	const missingFrom = async (list: OfflineList) => {
		const missing: [Cache, string][] = [];
		for (const [name, urls] of [
			[list.caches.pages, list.pages],
			[list.caches.search, list.search],
		] as const) {
			const cache = await caches.open(name);
			for (const url of urls) if (!(await cache.match(url))) missing.push([cache, url]);
		}
		return missing;
	};
	const showState = async () => {
		const { list, online } = await loadList();
		const missing = await missingFrom(list);
		const total = list.pages.length + list.search.length;
		if (missing.length === 0) {
			status.textContent = `Saved: the whole hub is available offline, ${list.pages.length} pages and the full search index.`;
			button.hidden = true;
		} else {
			const saved = `${total - missing.length} of ${total} files are saved on this device.`;
			status.textContent = online ? saved : `${saved} Connect to save the rest.`;
			button.hidden = !online;
		}
	};
	button.addEventListener('click', async () => {
		button.disabled = true;
		try {
			// The service worker's install step caches the page shell and the search bundle.
			await navigator.serviceWorker.ready;
			const missing = await missingFrom((await loadList()).list);
			progress.max = missing.length;
			progress.value = 0;
			progress.hidden = false;
			status.textContent = `Saving ${missing.length} files…`;
			await mapConcurrently(missing, downloads, async ([cache, url]) => {
				const response = await fetch(url, { cache: 'no-cache' });
				if (!response.ok)
					throw new Error(`${url} could not be downloaded (HTTP ${response.status})`);
				await cache.put(url, response);
				progress.value += 1;
			});
			await showState();
		} catch (error) {
			status.textContent = `Saving stopped: ${(error as Error).message}. Try again when the connection is back.`;
			button.hidden = false;
		} finally {
			button.disabled = false;
		}
	});
	showState().catch(
		(error: Error) => (status.textContent = `The saved state is unknown: ${error.message}.`),
	);
}
