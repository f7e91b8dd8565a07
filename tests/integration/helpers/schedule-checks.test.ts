import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { xsdErrors } from '../../helpers/schedule-checks';

const fosdem = fileURLToPath(new URL('../../fixtures/schedules/fosdem-2020.xml', import.meta.url));

describe('xsdErrors', () => {
	afterEach(() => vi.unstubAllEnvs());

	it("returns xmllint's complaints about a file the XSD rejects", async () => {
		// FOSDEM's own export lacks the <version> and day bounds the XSD requires.
		expect(await xsdErrors(fosdem)).toMatch(/fails to validate/);
	});

	it('fails, saying what to install, when xmllint is missing', async () => {
		vi.stubEnv('PATH', await mkdtemp(path.join(tmpdir(), 'edelweiss-no-xmllint-')));
		await expect(xsdErrors(fosdem)).rejects.toThrow(
			/xmllint is not installed: install libxml2-utils/,
		);
	});
});
