import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { stateFiles } from '../lib/build/settings';
import { formatReport } from '../lib/validation/problem';
import { validateContent } from '../lib/validation/validate-content';

/**
 * Validates every content file before Astro syncs any of them, so a build reports all
 * problems with their lines at once and stops before writing output. Astro alone stops at
 * the first schema error with `0:0` locations and only warns about broken references.
 * Under `astro dev` it validates again whenever a content file changes. `npm run build` passes
 * `EDELWEISS_VALIDATION_KEY`, a digest of the content and the code: a tree validated under the
 * same key is not read again.
 */
export function contentValidation(options: { contentDir: string }): AstroIntegration {
	let root = '';
	const validate = async (logger: AstroIntegrationLogger) => {
		const started = performance.now();
		const { problems, fileCount } = await validateContent(root, options.contentDir);
		if (problems.length === 0) {
			logger.info(`${fileCount} content files valid in ${((performance.now() - started) / 1000).toFixed(1)}s`);
		}
		return problems;
	};
	return {
		name: 'edelweiss:content-validation',
		hooks: {
			'astro:config:setup': async ({ command, config, logger }) => {
				root = fileURLToPath(config.root);
				const key = command === 'build' ? process.env.EDELWEISS_VALIDATION_KEY : undefined;
				const record = stateFiles(fileURLToPath(config.cacheDir)).validation;
				if (key && (await readFile(record, 'utf8').catch(() => '')) === key) {
					logger.info('content unchanged since it was last validated');
					return;
				}
				const problems = await validate(logger);
				if (problems.length === 0) {
					if (key) await mkdir(path.dirname(record), { recursive: true }).then(() => writeFile(record, key));
					return;
				}
				const report = formatReport(problems);
				if (command === 'build') {
					throw new AstroError(report, 'Fix the fields named above; `npm run check` prints the same report.');
				}
				// In dev a typo must not take the preview down: show it and keep serving.
				logger.warn(report);
			},
			'astro:server:setup': ({ server, logger }) => {
				const folder = path.resolve(root, options.contentDir) + path.sep;
				let pending: ReturnType<typeof setTimeout> | undefined;
				server.watcher.on('all', (_event, file) => {
					if (!path.resolve(file).startsWith(folder)) return;
					// An editor's save fires several events: validate once they settle.
					clearTimeout(pending);
					pending = setTimeout(async () => {
						const problems = await validate(logger);
						if (problems.length) logger.warn(formatReport(problems));
					}, 200);
				});
			},
		},
	};
}
