import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { listContentFiles } from '#lib/content/content-files.ts';
import { limits } from '#lib/content/limits.ts';
import { parseFrabXml } from '#lib/schedule/parse-frab-xml.ts';
import { projectRoot } from '../../helpers/build-site';

const fosdem2020 = path.join(projectRoot, 'tests/fixtures/schedules/fosdem-2020.xml');
const content = path.join(projectRoot, 'content');
const bytes = (text: string | undefined) => Buffer.byteLength(text ?? '');
const longest = (texts: readonly (string | undefined)[]) => Math.max(...texts.map(bytes));
/** "Far above what real input needs": a few times over, not just over. */
const headroom = 4;

/** How deep elements nest in a parsed tree: `<a><b/></a>` is 2. */
function elementDepth(node: unknown): number {
	if (Array.isArray(node)) return Math.max(0, ...node.map(elementDepth));
	if (!node || typeof node !== 'object') return 0;
	const children = Object.entries(node).filter(([name]) => !name.startsWith('@') && !name.startsWith('?') && name !== '#text');
	return Math.max(0, ...children.map(([, child]) => 1 + elementDepth(child)));
}

describe('limits, against real input', async () => {
	const source = await readFile(fosdem2020, 'utf8');
	const schedule = parseFrabXml(source, fosdem2020);

	it('leave the FOSDEM 2020 schedule file far under the limit for one schedule', async () => {
		const { size } = await stat(fosdem2020);
		expect(size).toBeGreaterThan(2_000_000);
		expect(size * headroom).toBeLessThan(limits.scheduleFileBytes);
	});

	it("leave FOSDEM 2020's longest abstract or description far under the limit for one text", () => {
		expect(schedule.talks).toHaveLength(872);
		const text = longest(schedule.talks.flatMap((talk) => [talk.abstract, talk.description]));
		expect(text).toBeGreaterThan(5_000);
		expect(text * headroom).toBeLessThan(limits.scheduleTextBytes);
	});

	it("leave FOSDEM 2020's longest title, name or link far under the limit for one field", () => {
		const title = longest(schedule.talks.map((talk) => talk.title));
		expect(title).toBeGreaterThan(100);
		expect(title * headroom).toBeLessThan(limits.scheduleFieldBytes);
		const field = longest(
			schedule.talks.flatMap((talk) => [
				talk.subtitle,
				talk.track,
				talk.room,
				...talk.persons.map((person) => person.name),
				...talk.links.flatMap((link) => [link.title, link.url]),
			]),
		);
		expect(field * headroom).toBeLessThan(limits.scheduleFieldBytes);
	});

	it('leave the nesting of a frab schedule (schedule/day/room/event/persons/person) far under the depth limit', () => {
		const depth = elementDepth(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(source));
		expect(depth).toBe(6);
		expect(depth * headroom).toBeLessThan(limits.xmlDepth);
	});

	it('leave every file in content/ far under the limit for one content file', async () => {
		const files = (await readdir(content, { recursive: true, withFileTypes: true })).filter((dirent) => dirent.isFile());
		expect(files.length).toBeGreaterThan(50);
		const sizes = await Promise.all(files.map(async (file) => ({ file: file.name, size: (await stat(path.join(file.parentPath, file.name))).size })));
		const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
		expect(largest.size).toBeGreaterThan(10_000);
		expect(largest.size * headroom, largest.file).toBeLessThan(limits.contentFileBytes);
	});

	it('fit every id in content/', async () => {
		const { files } = await listContentFiles(content);
		expect(files.length).toBeGreaterThan(50);
		const tooLong = files.filter((file) => bytes(file.id) > limits.idBytes).map((file) => file.path);
		expect(tooLong).toEqual([]);
		expect(longest(files.map((file) => file.id))).toBeGreaterThan(40);
	});
});
