/**
 * `npm run bundle`: writes `edelweiss-offline/` and `edelweiss-offline.zip`, a copy of the built
 * site that works opened from disk, search included. Options: `--site <dist>`, `--out <folder>`,
 * `--base <path>` (Astro's `base`, if set), `--no-zip`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeOfflineBundle } from '#tools/bundle/write-bundle.ts';

const { values } = parseArgs({
	options: {
		site: { type: 'string', default: process.env.EDELWEISS_OUT_DIR ?? 'dist' },
		out: { type: 'string', default: 'edelweiss-offline' },
		base: { type: 'string', default: '/' },
		'no-zip': { type: 'boolean', default: false },
	},
});

const out = path.resolve(values.out);
const zip = values['no-zip'] ? undefined : `${out}.zip`;
try {
	const { pages, files } = await writeOfflineBundle({
		site: path.resolve(values.site),
		out,
		zip,
		base: values.base,
	});
	console.log(
		`Wrote ${path.relative('.', out)}/ (${pages} pages, ${files} files)${zip ? ` and ${path.relative('.', zip)}` : ''}.`,
	);
	console.log(`Open ${path.relative('.', out)}/index.html in a browser: no server needed.`);
} catch (error) {
	console.error(`npm run bundle: ${error instanceof Error ? error.message : error}`);
	process.exitCode = 1;
}
