import { existsSync } from 'node:fs';
import { slug } from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { collectionInfo, collectionNames, collectionOfType, entryTypes, isCollectionName } from '#lib/content/collections.ts';
import { schemas } from '#schemas/index.ts';

describe('the collection registry', () => {
	it('names every collection that has a schema, and no other', () => {
		expect([...collectionNames].sort()).toEqual(Object.keys(schemas).sort());
	});

	it('gives each collection a list page and an entry page under its name', () => {
		for (const name of collectionNames) {
			expect(existsSync(new URL(`../../../src/pages/${name}/index.astro`, import.meta.url)), name).toBe(true);
			expect(existsSync(new URL(`../../../src/pages/${name}/[...id].astro`, import.meta.url)), name).toBe(true);
		}
	});

	it('calls an entry by the slug of its singular label, and finds the collection again from it', () => {
		for (const name of collectionNames) {
			expect(collectionInfo[name].type).toBe(slug(collectionInfo[name].one));
			expect(collectionOfType(collectionInfo[name].type)).toBe(name);
		}
		expect(entryTypes).toContain('case-study');
		expect(collectionOfType('keynote')).toBeUndefined();
	});

	it('tells collection names from other folder names', () => {
		expect(isCollectionName('talks')).toBe(true);
		expect(isCollectionName('talk')).toBe(false);
		expect(isCollectionName('toString')).toBe(false);
	});
});
