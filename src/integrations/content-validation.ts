import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatReport, isError } from '../lib/validation/problem';
import { validateContent } from '../lib/validation/validate-content';

/**
 * Validates every content file before Astro syncs any of them, so a build reports all
 * problems with their lines at once and stops before writing output. Astro alone stops at
 * the first schema error with `0:0` locations and only warns about broken references.
 * Under `astro dev` it validates again whenever a content file changes.
 */
export function contentValidation(options: { contentDir: string }): AstroIntegration {
	let root = '';
	const validate = async (logger: AstroIntegrationLogger) => {
		const started = performance.now();
		const { problems, fileCount } = await validateContent(root, options.contentDir);
		if (!problems.some(isError)) {
			logger.info(`${fileCount} content files valid in ${((performance.now() - started) / 1000).toFixed(1)}s`);
		}
		return problems;
	};
	return {
		name: 'edelweiss:content-validation',
		hooks: {
			'astro:config:setup': async ({ command, config, logger }) => {
				root = fileURLToPath(config.root);
				const problems = await validate(logger);
				if (problems.length === 0) return;
				const report = formatReport(problems);
				if (command === 'build' && problems.some(isError)) {
					// Thrown, the report would come wrapped in Astro's "unhandled error" and a stack
					// trace of this file: contributors need only the report. Nothing is written yet.
					logger.error(`${report}\nFix the problems named above; \`npm run check\` prints the same report.`);
					process.exit(1);
				}
				// Warnings, and in dev any problem (a typo must not take the preview down): show and go on.
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
