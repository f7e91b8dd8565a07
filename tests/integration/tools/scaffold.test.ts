import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { collectionOfType, entryTypes, type EntryType } from '#lib/content/collections.ts';
import { limits } from '#lib/content/limits.ts';
import {
	collectAnswers,
	planEntry,
	ScaffoldError,
	scaffoldFields,
	type Answers,
} from '#tools/scaffold.ts';
import { referenceById } from '#lib/validation/reference-by-id.ts';
import { schemas } from '#schemas/index.ts';
import { fixtureContent, projectRoot } from '../../helpers/build-site';

/** Read only: planEntry reads the existing ids and writes nothing. */
const content = path.join(projectRoot, fixtureContent('basic'));

/** The front matter and the body of a planned entry's text. */
function split(text: string) {
	const match = /^---\n([\s\S]*?)---\n\n([\s\S]+)$/.exec(text);
	if (!match) throw new Error(`not front matter and a body:\n${text}`);
	return { data: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

/** The ScaffoldError a call rejects with. */
async function refusal(promise: Promise<unknown>): Promise<ScaffoldError> {
	const error = await promise.then(
		() => undefined,
		(reason: unknown) => reason,
	);
	expect(error).toBeInstanceOf(ScaffoldError);
	return error as ScaffoldError;
}

describe('planEntry', () => {
	it('plans a talk in its collection, named after its title, with the answers as front matter and lists split at commas', async () => {
		const planned = await planEntry(content, 'talk', {
			title: 'Porting to RISC-V',
			event: 'democonf-2024',
			speakers: ' ada-lovelace,grace-hopper , ',
			day: '2024-03-10',
		});
		expect(planned.id).toBe('porting-to-risc-v');
		expect(planned.file).toBe(path.join(content, 'talks/porting-to-risc-v.md'));
		const { data, body } = split(planned.text);
		expect(data).toEqual({
			title: 'Porting to RISC-V',
			event: 'democonf-2024',
			speakers: ['ada-lovelace', 'grace-hopper'],
			day: '2024-03-10',
		});
		expect(body).toMatch(/^What the talk covered.*\n$/);
	});

	it('leaves out fields without an answer, and keeps text YAML would misread as text', async () => {
		const { text } = await planEntry(content, 'note', {
			title: 'yes: #1 [draft]',
			summary: '2024',
			author: undefined,
			published: '',
		});
		expect(split(text).data).toEqual({ title: 'yes: #1 [draft]', summary: '2024' });
	});

	it('writes a recap as MDX, so it can embed talk cards, under the id given', async () => {
		const planned = await planEntry(
			content,
			'recap',
			{
				event: 'democonf-2024',
				author: 'grace-hopper',
				title: 'A second look',
				published: '2024-03-12',
			},
			'Second Look',
		);
		expect(planned.id).toBe('second-look');
		expect(planned.file).toBe(path.join(content, 'recaps/second-look.mdx'));
		expect(split(planned.text).body).toContain('<TalkCard id="talk-id" />');
	});

	it('makes ids of ASCII words within the id limit, as CONTRIBUTING.md asks and the importer does', async () => {
		expect((await planEntry(content, 'person', { name: 'Zoë Ölund' })).id).toBe('zoe-olund');
		const long = await planEntry(content, 'note', { title: 'word '.repeat(100), summary: 'Long.' });
		expect(long.id).toMatch(/^word(-word)+$/);
		expect(long.id.length).toBeLessThanOrEqual(limits.idBytes);
	});

	it('refuses a reference to a missing entry, naming the closest ids', async () => {
		const event = await refusal(
			planEntry(content, 'talk', { title: 'Lost talk', event: 'democonf-2042' }),
		);
		expect(event.message).toBe(
			'--event: no entry "democonf-2042" in events; did you mean "democonf-2024"?',
		);
		const speaker = await refusal(
			planEntry(content, 'talk', {
				title: 'Lost talk',
				event: 'democonf-2024',
				speakers: 'ada-lovelace, grace-hoper',
			}),
		);
		expect(speaker.message).toBe(
			'--speakers: no entry "grace-hoper" in people; did you mean "grace-hopper"?',
		);
		const sponsor = await refusal(
			planEntry(content, 'case-study', {
				title: 'T',
				summary: 'S',
				sponsor: 'nobody-at-all',
				project: 'P',
			}),
		);
		expect(sponsor.message).toBe('--sponsor: no entry "nobody-at-all" in sponsors');
	});

	it('refuses an id that exists, whatever its extension', async () => {
		expect(
			(await refusal(planEntry(content, 'note', { title: 'Build servers', summary: 'Again.' })))
				.message,
		).toBe('notes/build-servers already exists: choose another --id or edit the existing file');
		const recap = await refusal(
			planEntry(
				content,
				'recap',
				{ event: 'democonf-2024', author: 'ada-lovelace', title: 'Again', published: '2024-03-13' },
				'democonf-2024-recap',
			),
		);
		expect(recap.message).toContain('recaps/democonf-2024-recap already exists');
	});

	it('refuses to make an empty id', async () => {
		expect((await refusal(planEntry(content, 'person', { name: '!!!' }))).message).toBe(
			'cannot make an id from an empty title: give --id',
		);
		expect((await planEntry(content, 'person', { name: '!!!' }, 'bang')).id).toBe('bang');
	});
});

describe('collectAnswers', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('asks only for the fields not given, offering fallbacks, and keeps trimmed answers or the fallback', async () => {
		const asked: [string, string | undefined][] = [];
		const replies: Record<string, string> = {
			'Your person id (file name in content/people/)': '  grace-hopper ',
			Title: '',
		};
		const answers = await collectAnswers(
			'recap',
			{ event: 'democonf-2024', published: '2024-03-12' },
			async (question, fallback) => {
				asked.push([question, fallback]);
				return replies[question] ?? '';
			},
		);
		expect(asked).toEqual([
			['Your person id (file name in content/people/)', undefined],
			['Title', 'democonf-2024 recap'],
		]);
		expect(answers).toEqual({
			event: 'democonf-2024',
			published: '2024-03-12',
			author: 'grace-hopper',
			title: 'democonf-2024 recap',
		});
	});

	it('without a prompt, fills fallbacks from the other answers and today', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2024-03-12T10:00:00Z'));
		expect(
			await collectAnswers('recap', { event: 'democonf-2024', author: 'ada-lovelace' }),
		).toEqual({
			event: 'democonf-2024',
			author: 'ada-lovelace',
			title: 'democonf-2024 recap',
			published: '2024-03-12',
		});
		expect(
			await collectAnswers('event', { title: 'DemoConf 2025', start: '2025-03-08' }),
		).toMatchObject({ end: '2025-03-08', timezone: undefined });
	});

	it('names every required flag still missing, with its question', async () => {
		const error = await refusal(collectAnswers('case-study', { title: 'Half done', summary: '' }));
		expect(error.message).toBe(
			'missing --summary (One-sentence summary), --sponsor (Sponsor id (file name in content/sponsors/)), --project (Project supported (e.g. Alpine Linux))',
		);
		await refusal(collectAnswers('talk', { title: 'Untitled event' }, async () => '   '));
	});
});

describe('scaffoldFields', () => {
	/** A valid answer for each required field the fixture's content can satisfy. */
	const sample: Answers = {
		title: 'A title',
		name: 'A Name',
		summary: 'One sentence.',
		event: 'democonf-2024',
		author: 'ada-lovelace',
		sponsor: 'acme-hosting',
		project: 'Example OS',
		start: '2025-03-08',
		end: '2025-03-09',
		published: '2024-03-12',
	};

	it.each(entryTypes)(
		'asks for everything the %s schema requires: the required answers alone make a valid entry',
		async (type: EntryType) => {
			const required = scaffoldFields[type]
				.filter((field) => field.required && !field.fallback)
				.map((field) => [field.name, sample[field.name]]);
			const answers = await collectAnswers(type, Object.fromEntries(required));
			const collection = collectionOfType(type)!;
			const { data } = split((await planEntry(content, type, answers, 'scaffold-check')).text);
			const result = schemas[collection](referenceById).safeParse(data);
			expect(result.error?.issues ?? []).toEqual([]);
		},
	);
});
