import { describe, expect, it } from 'vitest';
import { buildHubIndex } from '#lib/hub/hub-index.ts';
import {
	isOfflineFile,
	offlineEditions,
	offlineUnits,
	type OfflineEdition,
} from '#lib/site/offline-units.ts';
import { entry, hubCollections, talk } from '../../helpers/entries';

const editions: OfflineEdition[] = [
	{ id: 'conf-2025', title: 'Conf 2025', date: '2025-06-14', talks: ['keynote', '2025/lightning'] },
	{ id: 'conf-2024', title: 'Conf 2024', date: '2024-06-15', talks: ['archaeology'] },
	// An id that starts another's folder: `events/conf/…` must not take `events/conf/2023/…`.
	{ id: 'conf', title: 'Conf', date: '2020-01-01', talks: [] },
	{ id: 'conf/2023', title: 'Conf 2023', date: '2023-05-01', talks: ['old'] },
];

/** A built site with the search split as the index step writes it: the hub's in `pagefind/`, each edition's in `pagefind/editions/<id>/`. */
const site = new Map<string, number>([
	['index.html', 100],
	['404.html', 7],
	['people/ada/index.html', 20],
	['notes/kit/index.html', 30],
	['talks/index.html', 40],
	['events/index.html', 50],
	['search/index.html', 60],
	['offline/index.html', 70],
	['events/conf-2025/index.html', 1000],
	['events/conf-2025/grid/index.html', 200],
	['events/conf-2025/track/builds/index.html', 300],
	['events/conf-2025/schedule.ics', 9000],
	['talks/keynote/index.html', 400],
	['talks/keynote/talk.ics', 9000],
	['talks/2025/lightning/index.html', 500],
	['events/conf-2024/index.html', 600],
	['talks/archaeology/index.html', 700],
	['events/conf/index.html', 11],
	['events/conf/2023/index.html', 13],
	['talks/old/index.html', 17],
	['talks/no-such-event/index.html', 19],
	['_astro/site.css', 2000],
	['_astro/fonts/body.woff2', 3000],
	['_astro/photo.webp', 90000],
	['favicon.svg', 5],
	['manifest.webmanifest', 6],
	['rss.xml', 9000],
	['offline/editions.json', 9000],
	['pagefind/pagefind.js', 4000],
	['pagefind/pagefind-ui.js', 90000],
	['pagefind/pagefind-entry.json', 8],
	['pagefind/editions.json', 9],
	['pagefind/index/en_1.pf_index', 5000],
	['pagefind/fragment/en_1.pf_fragment', 6000],
	['pagefind/editions/conf-2025/pagefind-entry.json', 10],
	['pagefind/editions/conf-2025/index/en_2.pf_index', 7000],
	['pagefind/editions/conf-2025/fragment/en_2.pf_fragment', 8000],
	['pagefind/editions/conf-2025/pagefind-ui.js', 90000],
	['pagefind/editions/conf/2023/fragment/en_3.pf_fragment', 23],
]);

const units = offlineUnits(site, editions);
const unit = (id: string) => units.find((candidate) => candidate.id === id)!;
const pages = [...site.keys()].filter((file) => file.endsWith('.html') && file !== '404.html');

describe('offlineUnits', () => {
	it('gives the hub part first, then one unit per edition in the order they are listed', () => {
		expect(units.map(({ id, kind, title }) => [id, kind, title])).toEqual([
			['hub', 'hub', 'The hub part'],
			['editions/conf-2025', 'edition', 'Conf 2025'],
			['editions/conf-2024', 'edition', 'Conf 2024'],
			['editions/conf', 'edition', 'Conf'],
			['editions/conf/2023', 'edition', 'Conf 2023'],
		]);
		expect(unit('editions/conf-2025').date).toBe('2025-06-14');
	});

	it('puts an edition’s event pages, its talks and its search index in its unit', () => {
		expect(unit('editions/conf-2025').files).toEqual([
			'events/conf-2025/grid/index.html',
			'events/conf-2025/index.html',
			'events/conf-2025/track/builds/index.html',
			'pagefind/editions/conf-2025/fragment/en_2.pf_fragment',
			'pagefind/editions/conf-2025/index/en_2.pf_index',
			'pagefind/editions/conf-2025/pagefind-entry.json',
			'talks/2025/lightning/index.html',
			'talks/keynote/index.html',
		]);
		expect(unit('editions/conf-2025').pages).toBe(5);
		expect(unit('editions/conf-2024').files).toEqual([
			'events/conf-2024/index.html',
			'talks/archaeology/index.html',
		]);
	});

	it('takes the longest edition id whose folder holds a file', () => {
		expect(unit('editions/conf').files).toEqual(['events/conf/index.html']);
		expect(unit('editions/conf/2023').files).toEqual([
			'events/conf/2023/index.html',
			'pagefind/editions/conf/2023/fragment/en_3.pf_fragment',
			'talks/old/index.html',
		]);
	});

	it('gives the hub part every other page, the shell and the hub’s search, not the editions’ indexes', () => {
		const hub = unit('hub');
		expect(hub.files).toEqual([
			'_astro/fonts/body.woff2',
			'_astro/site.css',
			'events/index.html',
			'favicon.svg',
			'index.html',
			'manifest.webmanifest',
			'notes/kit/index.html',
			'offline/index.html',
			'pagefind/editions.json',
			'pagefind/fragment/en_1.pf_fragment',
			'pagefind/index/en_1.pf_index',
			'pagefind/pagefind-entry.json',
			'pagefind/pagefind.js',
			'people/ada/index.html',
			'search/index.html',
			'talks/index.html',
			// A talk of no listed edition is not dropped: the hub keeps it.
			'talks/no-such-event/index.html',
		]);
		expect(hub.files.some((file) => file.startsWith('pagefind/editions/'))).toBe(false);
	});

	it('puts every built page in exactly one unit, and drops none', () => {
		const placed = units.flatMap((each) => each.files.filter((file) => file.endsWith('.html')));
		expect(placed.sort()).toEqual([...pages].sort());
		expect(units.reduce((sum, each) => sum + each.pages, 0)).toBe(pages.length);
	});

	it('adds up each unit’s bytes from its files, and every unit’s to what is worth keeping', () => {
		for (const each of units)
			expect(each.bytes, each.id).toBe(each.files.reduce((sum, file) => sum + site.get(file)!, 0));
		const kept = [...site].filter(([file]) => isOfflineFile(file));
		expect(units.reduce((sum, each) => sum + each.bytes, 0)).toBe(
			kept.reduce((sum, [, bytes]) => sum + bytes, 0),
		);
	});

	it('keeps exports, images, feeds, the 404 page and Pagefind’s other UIs out of every unit', () => {
		for (const file of [
			'404.html',
			'events/conf-2025/schedule.ics',
			'talks/keynote/talk.ics',
			'_astro/photo.webp',
			'rss.xml',
			'offline/editions.json',
			'pagefind/pagefind-ui.js',
			'pagefind/editions/conf-2025/pagefind-ui.js',
		])
			expect(isOfflineFile(file), file).toBe(false);
	});

	it('refuses a search index for an edition it does not know, naming it', () => {
		expect(() =>
			offlineUnits(new Map([['pagefind/editions/gone-2019/pagefind-entry.json', 1]]), editions),
		).toThrow(
			'pagefind/editions/gone-2019/pagefind-entry.json: a search index under pagefind/editions/ for no edition of offline/editions.json (4 editions listed)',
		);
	});

	it('puts everything in the hub part when there are no editions (and so no editions’ indexes)', () => {
		const single = new Map([...site].filter(([file]) => !file.startsWith('pagefind/editions/')));
		const [only, ...rest] = offlineUnits(single, []);
		expect(rest).toEqual([]);
		expect(only!.pages).toBe(pages.length);
	});
});

describe('offlineEditions', () => {
	it('lists the hub’s editions newest first, with their talks', () => {
		const hub = buildHubIndex(
			hubCollections({
				events: [
					entry('events', 'conf-2024', {
						title: 'Conf 2024',
						start: '2024-06-15',
						end: '2024-06-15',
					}),
					entry('events', 'conf-2025', {
						title: 'Conf 2025',
						start: '2025-06-14',
						end: '2025-06-14',
					}),
				],
				talks: [
					talk('keynote', { title: 'Keynote', event: 'conf-2025' }),
					talk('archaeology', { title: 'Archaeology', event: 'conf-2024' }),
				],
			}),
		);
		expect(offlineEditions(hub)).toEqual([
			{ id: 'conf-2025', title: 'Conf 2025', date: '2025-06-14', talks: ['keynote'] },
			{ id: 'conf-2024', title: 'Conf 2024', date: '2024-06-15', talks: ['archaeology'] },
		]);
	});
});
