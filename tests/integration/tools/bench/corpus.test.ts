import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	benchmarkQueries,
	generateCorpus,
	proseVocabulary,
	seededRandom,
	topicFiles,
	writeCorpus,
	zipfWord,
} from '#tools/bench/corpus.ts';
import { corpusShape } from '#tools/bench/corpus-shape.ts';
import { compileTopicRules, matchTopics, topicRules } from '#lib/hub/topic-matching.ts';
import { readEntryData } from '#lib/validation/frontmatter.ts';
import { validateContent } from '#lib/validation/validate-content.ts';

const scratch = await mkdtemp(path.join(os.tmpdir(), 'edelweiss-corpus-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const inFolder = <File extends { path: string }>(files: File[], folder: string) =>
	files.filter((file) => file.path.startsWith(`${folder}/`));

describe('seededRandom', () => {
	it('repeats for a seed and differs between seeds', () => {
		const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
		expect(draw(7)).toEqual(draw(7));
		expect(draw(7)).not.toEqual(draw(8));
		expect(draw(7).every((value) => value >= 0 && value < 1)).toBe(true);
	});
});

describe('zipfWord', () => {
	it('draws the most frequent words most often and reaches the tail', () => {
		expect(zipfWord(0)).toBe(proseVocabulary[0]);
		expect(zipfWord(0.999999)).toBe(proseVocabulary.at(-1));
		const random = seededRandom(5);
		const counts = new Map<string, number>();
		for (let draw = 0; draw < 20_000; draw++) {
			const word = zipfWord(random());
			counts.set(word, (counts.get(word) ?? 0) + 1);
		}
		// Zipf: the first word about twice as frequent as the second, ten times the tenth.
		const ratio = (rank: number) =>
			counts.get(proseVocabulary[0]!)! / counts.get(proseVocabulary[rank - 1]!)!;
		expect(ratio(2)).toBeGreaterThan(1.6);
		expect(ratio(2)).toBeLessThan(2.5);
		expect(ratio(10)).toBeGreaterThan(7);
		expect(ratio(10)).toBeLessThan(14);
	});
});

describe('generateCorpus', () => {
	it('is the same for the same seed and differs for another', () => {
		expect(generateCorpus({ talks: 40, seed: 3 })).toEqual(generateCorpus({ talks: 40, seed: 3 }));
		expect(generateCorpus({ talks: 40, seed: 3 })).not.toEqual(
			generateCorpus({ talks: 40, seed: 4 }),
		);
	});

	it('is shaped like the archive: twenty editions, people who mostly speak once', async () => {
		const dir = path.join(scratch, 'shape');
		const files = generateCorpus({ talks: 5900 });
		await writeCorpus(dir, files);
		const shape = await corpusShape(dir);
		expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
		expect(shape).toMatchObject({ editions: 20, talks: 5900, topics: topicFiles.length });
		expect(inFolder(files, 'events').map((file) => file.path)).toContain(
			'events/benchconf-2024.md',
		);
		// The archive: 7,000 people for 11,803 talks (0.59), most of them speaking once.
		expect(shape.people / shape.talks).toBeGreaterThan(0.55);
		expect(shape.people / shape.talks).toBeLessThan(0.65);
		expect(shape.peopleSpeakingOnce / shape.people).toBeGreaterThan(0.7);
		expect(shape.editedPerson!.talks).toBeGreaterThan(1);
	});

	it('holds topics that talks match, and false friends that do not', () => {
		const rules = compileTopicRules(
			topicFiles.map((file) => {
				const { data } = readEntryData(file.text);
				const topic = data as {
					name: string;
					aliases: string[];
					match: { terms: string[]; exclude: string[] };
				};
				return topicRules(path.basename(file.path, '.md'), topic);
			}),
		);
		const matched = new Set(
			inFolder(generateCorpus({ talks: 600 }), 'talks').flatMap((talk) =>
				matchTopics(rules, talk.text),
			),
		);
		// The synthetic prose has no Matrix, Rust (a code sample is no text) or Wayland compositor.
		expect(matched.size).toBeGreaterThanOrEqual(8);
		expect(matchTopics(rules, 'A test matrix for the Matrix federation')).toEqual(['matrix']);
		expect(matchTopics(rules, 'A test matrix')).toEqual([]);
	});

	it('gives every talk paragraphs, a GFM table and a fenced code block', () => {
		for (const talk of inFolder(generateCorpus({ talks: 20 }), 'talks')) {
			const body = talk.text.split(/^---$/m)[2]!;
			expect(body).toMatch(/^\| --- \| ---: \| --- \|$/m);
			expect(body).toMatch(/^```[a-z]+\n[\s\S]+?\n```$/m);
			expect(
				body.split(/\n\n/).filter((block) => /^[A-Z][^|#`]+\.$/.test(block.trim())).length,
			).toBeGreaterThanOrEqual(4);
		}
	});

	it('holds every benchmark query, the rarest in few talks', () => {
		const talks = inFolder(generateCorpus({ talks: 2000 }), 'talks');
		const matching = (query: string) =>
			talks.filter((talk) =>
				query.split(' ').every((word) => new RegExp(`\\b${word}\\b`, 'i').test(talk.text)),
			).length;
		const counts = benchmarkQueries.map(matching);
		expect(counts.every((count) => count > 0)).toBe(true);
		expect(counts.at(-1)).toBeLessThan(talks.length / 20);
		expect(counts[0]).toBeGreaterThan(talks.length / 2);
	});

	it('writes a tree that passes the hub validation', async () => {
		const dir = path.join(scratch, 'valid');
		const files = generateCorpus({ talks: 300, seed: 11 });
		await writeCorpus(dir, files);
		const { problems, fileCount } = await validateContent('/', dir);
		expect(problems).toEqual([]);
		expect(fileCount).toBe(files.length);
	});
});

describe('writeCorpus', () => {
	it('replaces what the directory held before', async () => {
		const dir = path.join(scratch, 'replaced');
		await writeCorpus(dir, generateCorpus({ talks: 3 }));
		await writeFile(path.join(dir, 'talks/stale.md'), 'left over');
		const files = generateCorpus({ talks: 2 });
		await writeCorpus(dir, files);
		expect((await readdir(path.join(dir, 'talks'))).sort()).toEqual([
			'talk-00001.md',
			'talk-00002.md',
		]);
		expect(await readFile(path.join(dir, 'talks/talk-00002.md'), 'utf8')).toBe(
			inFolder(files, 'talks')[1]!.text,
		);
	});
});
