import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The Linode case study's source says Alpine's CI covers eight architectures, yet names only
 * seven: x86, x86_64, 32-bit and 64-bit ARM, ppc64le, s390x and mips64. Every file in content/
 * that gives a count must give the source's count, say it once, and say in the same breath that
 * only seven are named, listing them; a second, unflagged "eight" reads as a fact the hub checked.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contentDir = path.join(root, 'content');

const numberWords = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** "eight architectures", "8 processor architectures", "the eight CPU architectures". */
const countOfArchitectures = new RegExp(`\\b(${numberWords.join('|')}|\\d+)\\s+(?:(?:processor|CPU|hardware)\\s+)?architectures\\b`, 'gi');
/** What the source names, each as it may be written in a sentence or a table. */
const namedBySource: [string, RegExp][] = [
	['x86', /\bx86\b(?!_)/],
	['x86_64', /\bx86_64\b/],
	['ARM', /\bARM\b/],
	['32-bit', /\b32-bit\b/],
	['64-bit', /\b64-bit\b/],
	['ppc64le', /\bppc64le\b/],
	['s390x', /\bs390x\b/],
	['mips64', /\bmips64\b/],
];

let files: { file: string; text: string }[] = [];

describe('the "eight architectures, seven named" statement in content/', () => {
	beforeAll(async () => {
		const names = (await readdir(contentDir, { recursive: true })).filter((name) => /\.(mdx?|ya?ml|json)$/.test(name)).sort();
		files = await Promise.all(names.map(async (name) => ({ file: `content/${name}`, text: await readFile(path.join(contentDir, name), 'utf8') })));
	});

	const counting = () => files.filter(({ text }) => text.match(countOfArchitectures));

	it('is made in the Linode case study, which retells the source, and wherever else a count is given', () => {
		expect(counting().map(({ file }) => file)).toContain('content/case-studies/alpine-linux-on-linode.md');
	});

	it("gives the source's count, eight, and no other", () => {
		for (const { file, text } of counting()) {
			for (const [, count] of text.matchAll(countOfArchitectures)) expect(count!.toLowerCase(), file).toBe('eight');
		}
	});

	it('says "eight" once per file, in a paragraph that says only seven are named', () => {
		const problems = counting().flatMap(({ file, text }) => {
			const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.match(countOfArchitectures));
			const mentions = paragraphs.flatMap((paragraph) => paragraph.match(countOfArchitectures) ?? []);
			if (mentions.length > 1) return [`${file}: "eight architectures" ${mentions.length} times`];
			return paragraphs[0]!.match(/\bnames? (?:only )?seven\b/i) ? [] : [`${file}: "eight architectures" without saying only seven are named`];
		});
		expect(problems).toEqual([]);
	});

	it('lists the seven the source names, in each file that gives the count', () => {
		for (const { file, text } of counting()) {
			for (const [name, pattern] of namedBySource) expect(text, `${file}: ${name}`).toMatch(pattern);
		}
	});
});
