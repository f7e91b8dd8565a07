import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusShape, shapeOf } from '#tools/bench/corpus-shape.ts';

describe('shapeOf', () => {
	const ids = { events: ['e1', 'e2'], people: ['ada', 'bob', 'cy', 'dee'], topics: ['musl'] };
	it('counts editions, people who speak once, and picks a speaker of two editions', () => {
		const shape = shapeOf(
			[
				{ event: 'e1', speakers: ['cy', 'bob'] },
				{ event: 'e1', speakers: ['bob', 'bob'] },
				{ event: 'e2', speakers: ['cy'] },
				{ event: 'e2', speakers: ['ada'] },
			],
			ids,
		);
		// Bob speaks twice at one edition: a recurring speaker is one of several editions (cy).
		expect(shape).toEqual({
			editions: 2,
			talks: 4,
			people: 4,
			peopleSpeakingOnce: 1,
			topics: 1,
			editedPerson: { id: 'cy', talks: 2 },
		});
	});
	it('has no person to edit when nobody speaks at two editions', () => {
		expect(shapeOf([{ event: 'e1', speakers: ['ada'] }], ids).editedPerson).toBeUndefined();
	});
});

describe('corpusShape', () => {
	const scratch = mkdtemp(path.join(tmpdir(), 'edelweiss-shape-'));
	afterAll(async () => rm(await scratch, { recursive: true, force: true }));
	const write = async (dir: string, file: string, text: string) => {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), text);
	};

	it('reads talks in nested folders and the ids of the other collections', async () => {
		const dir = path.join(await scratch, 'tree');
		await write(dir, 'events/e1.md', '---\ntitle: E1\n---\n');
		await write(dir, 'events/e2.md', '---\ntitle: E2\n---\n');
		await write(dir, 'people/ada.md', '---\nname: Ada\n---\n');
		await write(dir, 'talks/e1/a.md', '---\nevent: e1\nspeakers: [ada]\n---\n');
		await write(dir, 'talks/e2/b.md', '---\nevent: e2\nspeakers:\n  - ada\n---\n');
		expect(await corpusShape(dir)).toEqual({
			editions: 2,
			talks: 2,
			people: 1,
			peopleSpeakingOnce: 0,
			topics: 0,
			editedPerson: { id: 'ada', talks: 2 },
		});
	});
	it('names the file of a talk it cannot read', async () => {
		const dir = path.join(await scratch, 'broken');
		await write(dir, 'talks/x.md', '---\ntitle: no event\n---\n');
		await expect(corpusShape(dir)).rejects.toThrow(
			/talks\/x\.md: expected front matter with an event/,
		);
	});
});
