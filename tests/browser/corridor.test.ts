import type { BrowserContext } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatPlainDate } from '#lib/view/dates.ts';
import { useChromium, useSiteInChromium } from '../helpers/chromium';

/** The day of the newest commit that changed `file` among fewer than 20 content files, read from git here. */
function lastEditDay(file: string): string | undefined {
	const log = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--', 'content'], {
		encoding: 'utf8',
	});
	for (const commit of log.split('\0').slice(1)) {
		const [day, ...files] = commit.split('\n').filter(Boolean);
		if (files.includes(file) && files.length < 20) return day;
	}
	return undefined;
}

// Issue 24, "Reading, round two": what a conference-goer meets on a phone in the corridor.
const sites = { programme: useSiteInChromium('programme'), site: useSiteInChromium('site') };
const chromium = useChromium();
const url = (site: keyof typeof sites, path: string) => `${sites[site].url}${path}`;
const phoneScreen = { width: 390, height: 844 };
const laptopScreen = { width: 1280, height: 800 };

/** Runs `check` in a fresh context and closes it, whatever happens. */
async function inContext(
	open: () => Promise<BrowserContext>,
	check: (context: BrowserContext) => Promise<void>,
) {
	const context = await open();
	try {
		await check(context);
	} finally {
		await context.close();
	}
}

describe('the content security policy (item 10)', () => {
	it('comes first in <head>, right after charset, so it governs every script after it', async () => {
		const page = await chromium.readingPage();
		for (const path of ['/', '/events/gridconf-2025/', '/talks/opening-keynote/', '/search/']) {
			await page.goto(url('programme', path));
			const head = await page.evaluate(() =>
				[...document.head.children]
					.slice(0, 2)
					.map((element) => element.getAttribute('charset') ?? element.getAttribute('http-equiv')),
			);
			expect(head, path).toEqual(['utf-8', 'content-security-policy']);
		}
	});
});

describe('search on a phone (item 1)', () => {
	it('shows the first result on the first screen, the filters folded under a line that counts them', async () => {
		const page = await chromium.readingPage(phoneScreen);
		await page.goto(url('site', '/search/?q=alpine'));
		const first = page.locator('pagefind-results a.pf-result-link').first();
		await expect.poll(() => first.isVisible()).toBe(true);
		const box = (await first.boundingBox())!;
		expect(box.y + Math.min(box.height, 40)).toBeLessThanOrEqual(844);
		const filters = page.locator('details.search-facets');
		const summary = filters.locator('> summary');
		expect(await filters.getAttribute('open')).toBeNull();
		expect(await page.locator('pagefind-filter-pane').isVisible()).toBe(false);
		expect((await summary.textContent())?.trim()).toBe('Filters');
		await summary.click();
		await expect.poll(() => page.locator('pagefind-filter-pane').isVisible()).toBe(true);

		await page.goto(url('site', '/search/?q=alpine&type=talk'));
		await expect.poll(async () => (await summary.textContent())?.trim()).toBe('Filters (1 on)');
	});

	it('keeps the filters beside the results on a wide screen', async () => {
		const page = await chromium.readingPage(laptopScreen);
		await page.goto(url('site', '/search/?q=alpine'));
		await expect.poll(() => page.locator('pagefind-filter-pane').isVisible()).toBe(true);
		expect(await page.locator('details.search-facets > summary').isVisible()).toBe(false);
	});
});

describe('the programme on a phone (item 2)', () => {
	const firstScreen = 844;

	it('starts on the first screen, the exports and filters folded, without JavaScript', async () => {
		await inContext(
			() => chromium.newContext({ viewport: phoneScreen, javaScriptEnabled: false }),
			async (context) => {
				const page = await context.newPage();
				for (const [site, path] of [
					['site', '/events/fosdem-2020/'],
					['programme', '/events/gridconf-2025/'],
				] as const) {
					await page.goto(url(site, path));
					const first = (await page.locator('[data-slot]').first().boundingBox())!;
					expect(first.y + first.height, path).toBeLessThanOrEqual(firstScreen);
					const options = page.locator('details.options');
					expect(await options.getAttribute('open')).toBeNull();
					expect(
						await page.getByRole('navigation', { name: 'Filter the schedule' }).isVisible(),
					).toBe(false);
					await options.locator('summary').click();
					expect(
						await page.getByRole('navigation', { name: 'Filter the schedule' }).isVisible(),
					).toBe(true);
				}
			},
		);
	});

	it('puts now and next above the programme during the event, then today’s talks', async () => {
		await inContext(
			() =>
				chromium.newContext({
					viewport: phoneScreen,
					timezoneId: 'Europe/Brussels',
				}),
			async (context) => {
				const page = await context.newPage();
				await page.clock.setFixedTime(new Date('2025-06-15T09:55:00+02:00'));
				await page.goto(url('programme', '/events/gridconf-2025/'));
				const box = page.getByRole('region', { name: 'Now and next' });
				await expect.poll(() => box.isVisible()).toBe(true);
				expect(await box.locator('a').allTextContents()).toEqual([
					'Morning lightning',
					'Closing talk',
				]);
				const nowNext = (await box.boundingBox())!;
				const days = page.locator('[data-day]');
				const firstDay = (await days.first().boundingBox())!;
				expect(nowNext.y + nowNext.height).toBeLessThanOrEqual(firstDay.y);
				expect(nowNext.y).toBeLessThan(firstScreen);
				// Sunday, today, comes first; Saturday after it.
				expect(
					await days
						.locator('h3 time')
						.evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))),
				).toEqual(['2025-06-15', '2025-06-14']);
				expect(await days.first().getAttribute('data-today')).toBe('');
			},
		);
	});
});

describe('words (item 7)', () => {
	it('counts one of a thing in the singular, and draws no chart of one bar', async () => {
		const page = await chromium.readingPage();
		for (const path of [
			'/series/',
			'/series/fosdem/',
			'/events/fosdem-2020/',
			'/people/',
			'/people/rasmus-thomsen/',
		]) {
			await page.goto(url('site', path));
			expect(await page.locator('main').innerText(), path).not.toMatch(
				/(^|[^\d,.])1 (editions|talks|speakers|recaps)\b/,
			);
		}
		await page.goto(url('site', '/series/fosdem/'));
		expect(await page.locator('main').innerText()).toMatch(/\b1 edition\b/);
		expect(
			await page.locator('#talks-per-edition, figure:has(#talks-per-edition-title)').count(),
		).toBe(0);
		expect(await page.locator('#editions-table tbody tr').count()).toBe(1);
	});

	it('names a speaker’s edition as it is called: “2 talks at AlpineConf 2021”', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('site', '/people/rasmus-thomsen/'));
		const record = await page.locator('.record').innerText();
		expect(record).toMatch(/\d+ talks? at AlpineConf (2021|20\d\d–20\d\d)/);
		expect(record).not.toMatch(/AlpineConf, 2021\b(?!–)/);
	});

	it('titles a track’s page once: the heading below it does not repeat the track', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('programme', '/events/gridconf-2025/track/embedded/'));
		expect(await page.locator('h1').innerText()).toBe('Track: Embedded');
		expect(await page.locator('h2').allInnerTexts()).not.toContain('Track: Embedded');
	});

	it('says “did you mean” before the count of results it explains', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('site', '/search/?q=postmarketso'));
		const suggestion = page.locator('[data-search-page] [data-search-suggestion]');
		await expect.poll(() => suggestion.isVisible()).toBe(true);
		expect(await suggestion.innerText()).toBe('Did you mean postmarketos?');
		const summary = page.locator('[data-search-page] pagefind-summary');
		await expect.poll(async () => (await summary.innerText()).trim()).toMatch(/result/);
		expect((await suggestion.boundingBox())!.y).toBeLessThan((await summary.boundingBox())!.y);
	});
});

describe('navigation (item 8)', () => {
	it('links the series from the header and from the events page', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('site', '/events/'));
		expect(
			await page
				.getByRole('navigation', { name: 'Sections' })
				.getByRole('link', { name: 'Series' })
				.getAttribute('href'),
		).toBe('/series/');
		expect(await page.locator('main a[href="/series/"]').count()).toBeGreaterThan(0);
	});

	it('shows every section of the header on a phone, none scrolled off to the side', async () => {
		const page = await chromium.readingPage(phoneScreen);
		await page.goto(url('site', '/'));
		const nav = page.getByRole('navigation', { name: 'Sections' });
		expect(
			await nav.evaluate((element) => element.scrollWidth - element.clientWidth),
		).toBeLessThanOrEqual(0);
		for (const link of await nav.getByRole('link').all()) {
			const box = (await link.boundingBox())!;
			expect(box.x, await link.innerText()).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width, await link.innerText()).toBeLessThanOrEqual(390);
		}
	});
});

describe('dates in the feed and on the page (item 6)', () => {
	it('dates each feed item by its content’s publication, not the import that added it', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('site', '/rss.xml'));
		const items = await page.evaluate(() =>
			Object.fromEntries(
				[...document.querySelectorAll('item')].map((item) => [
					item.querySelector('link')?.textContent,
					item.querySelector('pubDate')?.textContent,
				]),
			),
		);
		const day = (link: string) =>
			items[Object.keys(items).find((key) => key.endsWith(link))!]?.slice(0, 16);
		expect(day('/recaps/alpineconf-2021-recap/')).toBe('Tue, 18 May 2021');
		expect(day('/recaps/fosdem-2020-my-main-takeaways/')).toBe('Sun, 02 Feb 2020');
		expect(day('/notes/pine-ostree-alpine/')).toBe('Mon, 05 Apr 2021');
	});

	it('writes an ambiguous source date out as the days it may mean, never 4/5/21', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('site', '/notes/pine-ostree-alpine/'));
		const text = await page.locator('main').innerText();
		expect(text).toContain('5 April 2021 or 4 May 2021');
		expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/);
	});
});

describe('freshness (item 5)', () => {
	it('leads the home page with what is current and says when an announcement’s date has passed', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('site', '/'));
		expect(await page.locator('main h2').first().innerText()).toBe('Events');
		const cards = page.locator('section[aria-labelledby="events"] .entry-card');
		expect(await cards.first().innerText()).not.toContain('Announced');
		const announced = cards.filter({ hasText: 'AlpineConf 2022' });
		expect(await announced.innerText()).toContain(
			'planned for May 2022 · Announced; the date has passed with no news of it',
		);
		expect(await cards.last().innerText()).toContain('the date has passed');

		await page.goto(url('site', '/series/alpineconf/'));
		expect(await page.locator('#editions-table').innerText()).not.toMatch(
			/expected (May 2022|November 2021)/,
		);
		await page.goto(url('site', '/events/alpineconf-2022/'));
		expect((await page.locator('.entry-kind').textContent())?.trim()).toBe(
			'Announced event; its date has passed',
		);
	});

	it('shows “Last updated” from an edit of the page, never from a bulk import', async () => {
		const page = await chromium.readingPage();
		// Imported, then re-tagged, only in commits of 20 files or more: no date to show.
		expect(lastEditDay('content/talks/alpine-s390x-port-discussion.md')).toBeUndefined();
		await page.goto(url('site', '/talks/alpine-s390x-port-discussion/'));
		expect(await page.locator('.edit-info').innerText()).not.toContain('Last updated');
		// Edited on its own after its import: the day of its last such edit.
		const edited = lastEditDay('content/recaps/alpineconf-2021-recap.mdx');
		expect(edited).toBeDefined();
		await page.goto(url('site', '/recaps/alpineconf-2021-recap/'));
		expect(await page.locator('.edit-info').innerText()).toContain(
			`Last updated ${formatPlainDate(edited!)}`,
		);
	});
});

describe('a talk’s page (item 4)', () => {
	it('stars the talk into My schedule from its own page', async () => {
		await inContext(
			() => chromium.newContext(),
			async (context) => {
				const page = await context.newPage();
				await page.goto(url('programme', '/talks/boot-time-tuning/'));
				const star = page.getByRole('button', { name: 'My schedule: Boot time tuning' });
				await star.click();
				expect(await star.getAttribute('aria-pressed')).toBe('true');
				// The schedule shows it starred, and My schedule lists it with its time and room.
				await page.goto(url('programme', '/events/gridconf-2025/'));
				expect(
					await page
						.getByRole('button', { name: 'My schedule: Boot time tuning' })
						.getAttribute('aria-pressed'),
				).toBe('true');
				await page.goto(url('programme', '/my-schedule/'));
				const item = page.locator('[data-list] li').filter({ hasText: 'Boot time tuning' });
				await expect.poll(() => item.count()).toBe(1);
				expect(await item.innerText()).toContain('10:00–10:45');
				expect(await item.locator('a').first().getAttribute('href')).toMatch(
					/\/talks\/boot-time-tuning\/$/,
				);
			},
		);
	});

	it('opens the speaker’s biography, links the talks before and after in the room, and keeps slides apart from links', async () => {
		const page = await chromium.readingPage();
		await page.goto(url('programme', '/talks/containers-at-the-edge/'));
		const about = page.getByRole('region', { name: /About the speaker/ });
		expect(await about.innerText()).toMatch(/Ada Lovelace: Ada writes about packaging\./);
		expect(
			await about.getByRole('link', { name: 'Ada Lovelace', exact: true }).getAttribute('href'),
		).toBe('/people/ada-lovelace/');
		const room = page.getByRole('navigation', { name: 'Talks before and after in Janson' });
		expect(await room.locator('a[rel="prev"]').innerText()).toContain('Opening keynote');
		expect(await room.locator('a[rel="next"]').innerText()).toContain('Closing talk');

		await page.goto(url('site', '/talks/container-live-migration/'));
		const attachments = page.getByRole('region', { name: 'Attachments' });
		expect(await attachments.getByRole('link').allInnerTexts()).toEqual(['Slides']);
		expect(
			await page
				.getByRole('region', { name: 'Links' })
				.getByRole('link', { name: 'Slides' })
				.count(),
		).toBe(0);
	});

	it('carries “Times in my time zone” from the event page to the talk pages', async () => {
		await inContext(
			() => chromium.newContext({ timezoneId: 'America/New_York' }),
			async (context) => {
				const page = await context.newPage();
				await page.goto(url('programme', '/events/gridconf-2025/'));
				await page.getByRole('button', { name: 'Times in my time zone' }).click();
				await page.goto(url('programme', '/talks/boot-time-tuning/'));
				const toggle = page.getByRole('button', { name: 'Times in my time zone' });
				await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
				// 10:00 in Brussels is 04:00 in New York.
				expect(await page.locator('time[data-zoned]').innerText()).toBe('04:00–04:45');
				expect(await page.locator('[data-zone-name]').innerText()).toBe('America/New_York');
				await toggle.click();
				await page.goto(url('programme', '/talks/opening-keynote/'));
				expect(await page.locator('time[data-zoned]').innerText()).toBe('09:00–10:00');
			},
		);
	});
});

describe('the room × time grid (item 3)', () => {
	it('makes each block as tall as its talk is long, in one scroll, with a legend', async () => {
		const page = await chromium.readingPage(laptopScreen);
		await page.goto(url('programme', '/events/gridconf-2025/grid/'));
		const block = async (title: string) => {
			const cell = page
				.locator('td.talk')
				.filter({ has: page.getByRole('link', { name: title, exact: true }) });
			return {
				height: (await cell.boundingBox())!.height,
				minutes: Number(await cell.getAttribute('data-minutes')),
			};
		};
		const keynote = await block('Opening keynote');
		const blocks = [
			await block('Boot time tuning'),
			await block('Apk internals'),
			await block('Morning lightning'),
		];
		expect(keynote.minutes).toBe(60);
		const perMinute = keynote.height / keynote.minutes;
		for (const { height, minutes } of blocks)
			expect(Math.abs(height - minutes * perMinute)).toBeLessThanOrEqual(2);
		// No box of its own to scroll up and down: the page is the one vertical scroll.
		for (const grid of await page.locator('.grid-scroll').all())
			expect(
				await grid.evaluate((element) => element.scrollHeight - element.clientHeight),
			).toBeLessThanOrEqual(0);
		expect(await page.locator('.legend').innerText()).toContain('▶ a recording is available');
		// The room names stay on screen while the page scrolls past the day.
		const header = page.locator('.grid-scroll').first().locator('thead th').nth(1);
		const before = (await header.boundingBox())!.y;
		await page.evaluate((by) => window.scrollBy(0, by), before + 150);
		const box = (await header.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(-1);
		expect(box.y).toBeLessThan(5);
	});

	it('stars talks into My schedule and draws a now-line during the event', async () => {
		await inContext(
			() => chromium.newContext({ timezoneId: 'Europe/Brussels' }),
			async (context) => {
				const page = await context.newPage();
				await page.clock.setFixedTime(new Date('2025-06-14T10:05:00+02:00'));
				await page.goto(url('programme', '/events/gridconf-2025/grid/'));
				await page.getByRole('button', { name: 'My schedule: Apk internals' }).click();
				const line = page.locator('[data-now-line]').first();
				expect(await line.isVisible()).toBe(true);
				// 10:05 is inside Apk internals (10:00–10:30), a sixth of the way down.
				const apk = (await page
					.locator('td.talk')
					.filter({ hasText: 'Apk internals' })
					.boundingBox())!;
				const at = (await line.boundingBox())!.y;
				expect(Math.abs(at - (apk.y + apk.height / 6))).toBeLessThanOrEqual(3);
				expect(await page.locator('[data-now-line]').nth(1).isVisible()).toBe(false);

				await page.goto(url('programme', '/my-schedule/'));
				await expect
					.poll(() => page.locator('[data-list] li > a').allTextContents())
					.toEqual(['Apk internals']);
			},
		);
	});
});

describe('code blocks in notes (item 9)', () => {
	it('show a file name, marked lines and a Copy button that copies the code without removed lines', async () => {
		await inContext(
			() => chromium.newContext({ permissions: ['clipboard-read', 'clipboard-write'] }),
			async (context) => {
				const page = await context.newPage();
				const violations: string[] = [];
				page.on(
					'console',
					(message) =>
						message.text().includes('Content Security Policy') && violations.push(message.text()),
				);
				await page.goto(url('programme', '/notes/long-lines/'));
				const block = page.locator('figure.code-block').filter({ hasText: 'mirror.sh' });
				expect(await block.locator('figcaption').innerText()).toBe('mirror.sh');
				expect(await block.locator('.line.highlighted').count()).toBe(1);
				expect(await block.locator('.line.diff.remove').innerText()).toContain('old.example.org');
				expect(await block.locator('.line.diff.add').innerText()).toContain(
					'rsync.alpinelinux.org',
				);
				// Every block has its button, the untitled ones too.
				expect(await page.getByRole('button', { name: 'Copy' }).count()).toBe(
					await page.locator('pre.astro-code').count(),
				);
				await block.getByRole('button', { name: 'Copy' }).click();
				await expect.poll(() => block.locator('.code-copy').innerText()).toBe('Copied');
				const copied = await page.evaluate(() => navigator.clipboard.readText());
				expect(copied.split('\n').map((line) => line.trimEnd())).toEqual([
					'set -eu',
					'rsync --archive rsync://rsync.alpinelinux.org/alpine/ /srv/mirror/',
				]);
				expect(violations).toEqual([]);
			},
		);
	});

	it('shows the code without a button when JavaScript is off', async () => {
		await inContext(
			() => chromium.newContext({ javaScriptEnabled: false }),
			async (context) => {
				const page = await context.newPage();
				await page.goto(url('programme', '/notes/long-lines/'));
				expect(await page.locator('.code-copy').count()).toBe(0);
				expect(await page.locator('figure.code-block figcaption').innerText()).toBe('mirror.sh');
			},
		);
	});
});
