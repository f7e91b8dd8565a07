import { afterEach, describe, expect, it, vi } from 'vitest';

const loadContentDir = async () => {
	vi.resetModules();
	return (await import('#lib/content/content-dir.ts')).contentDir;
};

describe('contentDir', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('is ./content unless EDELWEISS_CONTENT points elsewhere', async () => {
		vi.stubEnv('EDELWEISS_CONTENT', undefined);
		expect(await loadContentDir()).toBe('./content');
		vi.stubEnv('EDELWEISS_CONTENT', 'tests/fixtures/basic/content');
		expect(await loadContentDir()).toBe('tests/fixtures/basic/content');
	});
});
