import {
	activeFilterCount,
	dateSort,
	describeUnknownFilterValue,
	paramsFromSearchState,
	searchStateFromParams,
	type SearchState,
} from '#lib/search/search-query.ts';
import { formatBytes } from '#lib/content/text-file.ts';
import {
	fetchSearchIndexes,
	initialEditions,
	scopeRequestFrom,
	scopeSearchInstance,
	type SearchScope,
} from './search-scope';
import { loadSearchUI, searchInstance, type SearchInstance } from './search-ui';
import { mountFilterPaneWhenShown } from './search-filter-pane';
import { afterFirstPaint, whenReachedOrIdle } from './search-page-timing';

/** "FOSDEM 2020 and AlpineConf 2021", for the scope line. */
const listed = (names: readonly string[]) =>
	names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * The line that says which years are searched, with the "All years" button while some are not.
 * Made here, not in the page's markup: it means nothing without JavaScript.
 */
function scopeLine(scope: SearchScope, onAllYears: () => Promise<void>) {
	const line = Object.assign(document.createElement('p'), { className: 'search-scope' });
	line.dataset.searchScope = '';
	const render = () => {
		const searched = scope.editions();
		const others = scope.listing.editions.filter((edition) => !searched.includes(edition));
		if (!others.length) {
			line.textContent = scope.listing.editions.length > 1 ? 'Searching all years.' : '';
			line.hidden = !line.textContent;
			return;
		}
		const button = Object.assign(document.createElement('button'), {
			type: 'button',
			className: 'text-button search-all-years',
			textContent: `All years`,
		});
		button.dataset.searchAllYears = '';
		const more = `${others.length} more ${others.length === 1 ? 'edition' : 'editions'}, ${formatBytes(others.reduce((sum, edition) => sum + edition.bytes, 0))}`;
		button.setAttribute('aria-describedby', 'search-scope-more');
		button.addEventListener('click', async () => {
			button.disabled = true;
			await onAllYears();
			render();
		});
		const note = Object.assign(document.createElement('span'), {
			id: 'search-scope-more',
			textContent: ` (${more})`,
		});
		line.replaceChildren(
			`Searching ${listed([...searched.map((edition) => edition.title), 'the rest of the hub (people, notes, recaps, topics)'])}. `,
			button,
			note,
		);
		line.hidden = false;
	};
	render();
	return line;
}

/**
 * Runs the search page: loads Pagefind's components, applies the search in the URL
 * (`?q=podman&type=talk&event=fosdem-2020&sort=date`) and keeps the URL in step with what the
 * reader types and picks, so any result list can be shared and bookmarked. It searches the hub's
 * index and some editions' (`search-scope.ts`): the most recent, the one the reader came from
 * (`?edition=`), those its filters name, or all of them (`?years=all`, the "All years" button).
 *
 * The server draws the page whole, a plain box included, and Pagefind's components take the
 * same room, so the page does not move when they arrive. They load once the page has painted:
 * at once for a URL with a search, otherwise when the reader reaches for the box or the browser
 * is idle, whichever comes first.
 */
export async function startSearchPage() {
	const page = document.querySelector<HTMLElement>('[data-search-page]')!;
	const fallback = document.querySelector<HTMLElement>('[data-search-fallback]')!;
	const message = fallback.querySelector<HTMLElement>('[data-search-message]')!;
	const notice = document.querySelector<HTMLElement>('[data-search-notice]')!;
	const sort = document.querySelector<HTMLSelectElement>('[data-search-sort]')!;
	const config = page.querySelector('pagefind-config')!;
	const bundlePath = config.getAttribute('bundle-path')!;
	const baseUrl = config.getAttribute('base-url')!;
	// The server's box: Pagefind's own replaces it when it loads.
	const box = page.querySelector<HTMLInputElement>('[data-search-box]')!;
	// The search facets' keys, in their order, written by the page from `searchFacetKeys`.
	const keys = page.dataset.facets!.split(' ');
	// Read before Pagefind's first, empty search runs and the URL starts following the page.
	const params = new URLSearchParams(location.search);
	const request = scopeRequestFrom(params);
	let scope: SearchScope;
	// Pagefind takes the indexes it merges only before it loads, and its box loads it once it has
	// focus: the page's instance waits for the scope, whoever loads Pagefind's components (the
	// header's script may) and whenever the reader reaches the box.
	let scopeSet!: () => void;
	const scoped = new Promise<void>((resolve) => (scopeSet = resolve));
	void customElements
		.whenDefined('pagefind-input')
		.then(() => loadAfter(searchInstance('default'), scoped));
	// The URL's words, unless the reader was quicker than this script and typed already.
	box.value ||= params.get('q') ?? '';
	// Set once Pagefind has loaded and run the first search.
	let loaded: SearchInstance | undefined = undefined;
	// A pane put in after Pagefind loaded has missed its state: searching again brings it.
	mountFilterPaneWhenShown(page.querySelector('template[data-filter-pane]')!, sort, () =>
		loaded?.triggerFilters(loaded.searchFilters),
	);
	await (params.size ? afterFirstPaint() : whenReachedOrIdle(box));
	try {
		const [listing] = await Promise.all([fetchSearchIndexes(bundlePath), loadSearchUI()]);
		scope = scopeSearchInstance(
			searchInstance('default'),
			listing,
			initialEditions(listing, request),
			{ bundlePath, baseUrl },
		);
	} catch {
		showFallback(page, fallback, message);
		return;
	} finally {
		scopeSet();
	}
	const typed = takeOverBox(page, box);
	const instance = searchInstance('default');
	await instance.triggerLoad();

	let { state, unknown } = searchStateFromParams(params, instance.totalFilters ?? {}, keys);
	// A value only an edition outside the scope knows (an older year's track) is not unknown yet.
	if (unknown.length && scope.editions().length < scope.listing.editions.length) {
		await scope.allYears();
		({ state, unknown } = searchStateFromParams(params, await scope.filters(), keys));
	}
	if (unknown.length) {
		notice.textContent = `Not in the index, so left out: ${unknown.map(describeUnknownFilterValue).join('; ')}.`;
		notice.hidden = false;
	}
	let newestFirst = state.newestFirst;
	let allYears = request.allYears;
	sort.value = newestFirst ? 'date' : '';
	const run = (term: string, filters: SearchState['filters']) => {
		instance.searchSort = newestFirst ? { ...dateSort } : {};
		instance.triggerSearchWithFilters(term, filters);
	};
	const writeUrl = (term: string, filters: SearchState['filters']) => {
		const query = paramsFromSearchState({ term, filters, newestFirst }, keys);
		if (allYears) query.set('years', 'all');
		else if (request.edition) query.set('edition', request.edition);
		const written = query.toString();
		history.replaceState(history.state, '', written ? `?${written}` : location.pathname);
	};
	// The phone's folded filters say how many are on, so a narrowed list never looks complete.
	const filterCount = document.querySelector<HTMLElement>('[data-search-filter-count]')!;
	instance.on('search', (term, filters) => {
		const active = activeFilterCount(filters);
		filterCount.textContent = active ? ` (${active} on)` : '';
		writeUrl(term, filters);
	});
	sort.addEventListener('change', () => {
		newestFirst = sort.value === 'date';
		run(instance.searchTerm, instance.searchFilters);
	});
	// Below the results, once the first have been drawn: put in before them, it would stand where
	// they arrive and be pushed down the screen by them (a layout shift Lighthouse counts).
	const line = scopeLine(scope, async () => {
		await scope.allYears();
		allYears = true;
		run(instance.searchTerm, instance.searchFilters);
	});
	// Pagefind's results component listens first, so its results are in the page by now.
	instance.on('results', () => {
		if (!line.isConnected) page.querySelector('pagefind-results')!.after(line);
	});
	// The URL's words, or what the reader has typed since.
	run(typed(), state.filters);
	loaded = instance;
	// In the next frame, not in this long task: focusing lays the page out at once. Not when the
	// reader has gone somewhere else on the page meanwhile.
	requestAnimationFrame(() => {
		if (document.activeElement === document.body)
			page.querySelector<HTMLInputElement>('pagefind-input input')?.focus();
	});
}

/**
 * Gives Pagefind's box, which has replaced the server's, what the reader typed there, unless
 * the reader has typed into Pagefind's own box since it appeared (it appears before the
 * editions' listing arrives, and this runs after), and returns what the reader has typed by
 * now: Pagefind's own first search, an empty one, empties its box as the index loads.
 */
function takeOverBox(page: HTMLElement, box: HTMLInputElement): () => string {
	const input = page.querySelector<HTMLInputElement>('pagefind-input input')!;
	let typed = (input.value ||= box.value);
	input.addEventListener('input', () => (typed = input.value));
	return () => typed;
}

/** Makes the instance's load, which `triggerLoad` and every search await, wait for `ready`. */
function loadAfter(instance: SearchInstance, ready: Promise<void>) {
	const load = instance.__load__.bind(instance);
	instance.__load__ = async () => {
		await ready;
		return load();
	};
}

/** The lists to browse instead, and why, when the index cannot load. */
function showFallback(page: HTMLElement, fallback: HTMLElement, message: HTMLElement) {
	message.hidden = false;
	fallback.dataset.shown = '';
	page.hidden = true;
}
