import { mapConcurrently } from '#lib/concurrency.ts';
import { formatBytes } from '#lib/content/text-file.ts';
import type { OfflineManifest, OfflineUnitSummary } from '#lib/site/offline.ts';
import { savingHeader } from '#client/service-worker/saving-header.ts';

/** How many files "Save for offline" downloads at once: enough to overlap, gentle on the host. */
const downloads = 4;

/** One row of the list: a unit, or every unit together ("everything"). */
interface Row {
	name: string;
	units: OfflineUnitSummary[];
	pages: number;
	files: number;
	bytes: number;
	state: HTMLElement;
	save: HTMLButtonElement;
	remove: HTMLButtonElement;
}

/** How many of a unit's files its cache holds; none when it was never saved (or was removed). */
async function savedFiles(unit: OfflineUnitSummary): Promise<number> {
	if (!(await caches.has(unit.cache))) return 0;
	return (await (await caches.open(unit.cache)).keys()).length;
}

const sizeOf = ({ pages, bytes }: { pages: number; bytes: number }) =>
	`${pages === 1 ? '1 page' : `${pages.toLocaleString('en')} pages`}, ${formatBytes(bytes)}`;

/** A button whose accessible name says what it acts on ("Save FOSDEM 2020"), its visible text one word. */
function button(label: string, name: string, className: string): HTMLButtonElement {
	const element = document.createElement('button');
	element.type = 'button';
	element.className = className;
	const hidden = document.createElement('span');
	hidden.className = 'sr-only';
	hidden.textContent = ` ${name}`;
	element.append(label, hidden);
	return element;
}

/**
 * "Save for offline" in the `SaveOffline.astro` section: lists the units of `offline.json`
 * (first the one the page's `?unit=` names, as an event page's link does) with their sizes
 * and what this device holds of each,
 * saves a unit's files into its own cache of this deploy (the service worker answers from
 * them offline), and removes one by deleting that cache. Re-checks the caches each time.
 */
export function startSaveOffline(section: HTMLElement) {
	const support = section.querySelector<HTMLElement>('[data-save-support]')!;
	const list = section.querySelector<HTMLElement>('[data-units]')!;
	const progress = section.querySelector('progress')!;
	const status = section.querySelector<HTMLElement>('[data-save-status]')!;
	const manifestUrl = section.dataset.manifest!;
	const chosen = new URLSearchParams(location.search).get('unit');
	if (!('serviceWorker' in navigator) || !('caches' in window) || location.protocol === 'file:') {
		support.textContent =
			'This browser cannot save the hub for offline reading here: open the hub from its website in a current browser.';
		return;
	}
	support.hidden = true;

	// `navigator.onLine` stays true in browsers that cannot tell (and in some that were told):
	// whether the network answers is learnt from a request that no cache may answer. The query
	// keeps the service worker's precache from serving it; the precached copy is the fallback.
	const loadManifest = async (): Promise<{ manifest: OfflineManifest; online: boolean }> => {
		let online = true;
		let response = await fetch(`${manifestUrl}?fresh=${Date.now()}`, { cache: 'no-store' }).catch(
			() => undefined,
		);
		if (!response) {
			online = false;
			response = await fetch(manifestUrl);
		}
		if (!response.ok)
			throw new Error(
				`the list of what can be saved could not be loaded (HTTP ${response.status})`,
			);
		return { manifest: (await response.json()) as OfflineManifest, online };
	};

	let rows: Row[] = [];
	let drawn = '';
	const draw = (manifest: OfflineManifest) => {
		const { units } = manifest;
		const first = units.filter((unit) => unit.id === chosen);
		const groups: Omit<Row, 'state' | 'save' | 'remove'>[] = [
			...first,
			...units.filter((unit) => unit.id !== chosen),
		].map((unit) => ({
			name:
				unit.kind === 'hub'
					? `${unit.title}: home, people, notes, recaps, series, topics and search`
					: unit.title,
			units: [unit],
			...unit,
		}));
		groups.push({
			name: 'Everything: the hub part and every edition',
			units,
			...manifest.everything,
		});
		list.replaceChildren();
		rows = groups.map((group) => {
			const item = document.createElement('li');
			item.dataset.unit = group.units.length === 1 ? group.units[0]!.id : 'everything';
			if (group.units.length === 1 && group.units[0]!.id === chosen) item.className = 'chosen';
			const name = document.createElement('span');
			name.className = 'offline-unit-name';
			name.textContent = group.name;
			const size = document.createElement('span');
			size.className = 'offline-unit-size';
			size.textContent = sizeOf(group);
			const state = document.createElement('span');
			state.className = 'offline-unit-state';
			const label = group.units.length === 1 ? group.units[0]!.title : 'everything';
			const save = button('Save', label, 'action-button');
			const remove = button('Remove', label, 'text-button');
			item.append(name, size, state, save, remove);
			list.append(item);
			const row = { ...group, state, save, remove };
			save.addEventListener('click', () => void saveRow(row));
			remove.addEventListener('click', () => void removeRow(row));
			return row;
		});
		list.hidden = false;
		drawn = manifest.version;
	};

	const showState = async () => {
		const { manifest, online } = await loadManifest();
		if (drawn !== manifest.version) draw(manifest);
		let missing = 0;
		for (const row of rows) {
			const saved = (await Promise.all(row.units.map(savedFiles))).reduce((a, b) => a + b, 0);
			const complete = saved >= row.files;
			row.state.textContent = complete
				? 'Saved on this device'
				: saved === 0
					? 'Not saved'
					: `${saved.toLocaleString('en')} of ${row.files.toLocaleString('en')} files saved`;
			row.save.hidden = complete || !online;
			row.remove.hidden = saved === 0;
			if (!complete) missing += 1;
		}
		if (!online && missing > 0) status.textContent = 'You are offline: connect to save more.';
	};

	const busy = (on: boolean) => {
		for (const row of rows) row.save.disabled = row.remove.disabled = on;
	};

	async function saveRow(row: Row) {
		busy(true);
		try {
			// The service worker's install step keeps the shell and the hub part's search itself.
			await navigator.serviceWorker.ready;
			const work: [Cache, string][] = [];
			for (const unit of row.units) {
				const response = await fetch(unit.list, { cache: 'no-store' });
				if (!response.ok)
					throw new Error(
						`the list of ${unit.title} could not be loaded (HTTP ${response.status})`,
					);
				const urls = (await response.json()) as string[];
				const cache = await caches.open(unit.cache);
				const held = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
				for (const url of urls) if (!held.has(url)) work.push([cache, url]);
			}
			progress.max = Math.max(work.length, 1);
			progress.value = 0;
			progress.hidden = false;
			status.textContent = `Saving ${row.units.length === 1 ? row.units[0]!.title : 'everything'}: ${work.length.toLocaleString('en')} files, ${formatBytes(row.bytes)}…`;
			await mapConcurrently(work, downloads, async ([cache, url]) => {
				const response = await fetch(url, {
					cache: 'no-cache',
					headers: { [savingHeader]: '1' },
				});
				if (!response.ok)
					throw new Error(`${url} could not be downloaded (HTTP ${response.status})`);
				await cache.put(url, response);
				progress.value += 1;
			});
			progress.value = progress.max;
			await showState();
			status.textContent =
				row.units.length === 1
					? `Saved: ${row.units[0]!.title} is available offline, ${sizeOf(row)}.`
					: `Saved: the whole hub is available offline, ${sizeOf(row)}.`;
		} catch (error) {
			status.textContent = `Saving stopped: ${(error as Error).message}. Try again when the connection is back.`;
			await showState().catch(() => undefined);
		} finally {
			busy(false);
		}
	}

	async function removeRow(row: Row) {
		busy(true);
		try {
			for (const unit of row.units) await caches.delete(unit.cache);
			progress.hidden = true;
			await showState();
			status.textContent = `Removed: ${row.units.length === 1 ? row.units[0]!.title : 'everything saved'} is no longer kept for offline reading.`;
		} catch (error) {
			status.textContent = `Removing stopped: ${(error as Error).message}.`;
		} finally {
			busy(false);
		}
	}

	showState().catch(
		(error: Error) => (status.textContent = `What is saved is unknown: ${error.message}.`),
	);
}
