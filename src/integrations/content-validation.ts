import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { stateFiles } from '#tools/build/settings.ts';
import { validationService } from '#tools/build/validation-step.ts';
import { formatReport, isError } from '#lib/validation/problem.ts';
import { validateContent } from '#lib/validation/validate-content.ts';

/**
 * Validates every content file before Astro syncs any of them, so a build reports all
 * problems with their lines at once and stops before writing output. Astro alone stops at
 * the first schema error with `0:0` locations and only warns about broken references.
 * Under `astro dev` it validates in the background, at start and whenever a content file
 * changes, and reports what it finds without stopping the server.
 *
 * `npm run build` validates in a process of its own, beside Astro's start and content sync
 * (`tools/build/run-build.ts`), and names a gate file in `EDELWEISS_VALIDATION_GATE`: Astro
 * then waits for it before building anything, and is stopped if the content is invalid.
 */
export function contentValidation(options: { contentDir: string }): AstroIntegration {
	let root = '';
	let cacheFile = '';
	const gate = process.env.EDELWEISS_VALIDATION_GATE;
	const validate = async (logger: AstroIntegrationLogger) => {
		const started = performance.now();
		const { problems, fileCount } = await validateContent(root, options.contentDir);
		if (!problems.some(isError)) {
			logger.info(
				`${fileCount} content files valid in ${((performance.now() - started) / 1000).toFixed(1)}s`,
			);
		}
		return problems;
	};
	// In dev, in a process of its own: validating 10,000 talks takes seconds of CPU, which on the
	// server's own thread would hold back every page, the edited one included. One at a time;
	// a change during a run asks for one more.
	let service: ReturnType<typeof validationService> | undefined;
	let running: Promise<void> | undefined;
	let again = false;
	const validateInBackground = (logger: AstroIntegrationLogger) => {
		if (running) {
			again = true;
			return;
		}
		service ??= validationService(root);
		running = service
			.validate({ contentDir: options.contentDir, cacheFile })
			.then(
				(outcome) =>
					outcome.report
						? logger.warn(outcome.report)
						: logger.info(
								`${outcome.fileCount} content files valid in ${outcome.seconds.toFixed(1)}s (${outcome.checkedFiles} checked)`,
							),
				(error: Error) => logger.error(error.message),
			)
			.finally(() => {
				running = undefined;
				if (again) {
					again = false;
					validateInBackground(logger);
				}
			});
	};
	return {
		name: 'edelweiss:content-validation',
		hooks: {
			'astro:config:setup': async ({ command, config, logger }) => {
				root = fileURLToPath(config.root);
				// Shared with `npm run build`: results are kept by file digest and code digest.
				cacheFile = stateFiles(fileURLToPath(config.cacheDir)).validationResults;
				if (command === 'build' && gate) return;
				if (command === 'dev') {
					validateInBackground(logger);
					return;
				}
				const problems = await validate(logger);
				if (problems.length === 0) return;
				const report = formatReport(problems);
				if (command === 'build' && problems.some(isError)) {
					// Thrown, the report would come wrapped in Astro's "unhandled error" and a stack
					// trace of this file: contributors need only the report. Nothing is written yet.
					logger.error(
						`${report}\nFix the problems named above; \`npm run check\` prints the same report.`,
					);
					process.exit(1);
				}
				// Warnings, and in dev any problem (a typo must not take the preview down): show and go on.
				logger.warn(report);
			},
			'astro:build:start': async ({ logger }) => {
				if (!gate || existsSync(gate)) return;
				logger.info('waiting for content validation');
				while (!existsSync(gate)) await new Promise((resolve) => setTimeout(resolve, 100));
			},
			'astro:server:setup': ({ server, logger }) => {
				const folder = path.resolve(root, options.contentDir) + path.sep;
				let pending: ReturnType<typeof setTimeout> | undefined;
				server.watcher.on('all', (_event, file) => {
					if (!path.resolve(file).startsWith(folder)) return;
					// An editor's save fires several events: validate once they settle.
					clearTimeout(pending);
					pending = setTimeout(() => validateInBackground(logger), 200);
				});
			},
		},
	};
}
