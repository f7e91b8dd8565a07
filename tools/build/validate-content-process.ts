/**
 * Content validation in a process of its own (`validation-step.ts` forks this file). For
 * `npm run build` it validates the tree named by its arguments once (keeping each file's
 * results in the cache file named after it, so the next build checks only what changed), beside Astro's start and
 * content sync, and its memory (about 400 MB at 10,000 talks) leaves with it instead of staying
 * in Astro's heap. Under `astro dev` it stays up and validates the tree named in each message,
 * off the server's thread.
 */
import { formatReport, isError } from '#lib/validation/problem.ts';
import { validateContent } from '#lib/validation/validate-content.ts';
import { digestInputs } from './fingerprint';
import { projectInputs } from './settings';
import type { ValidationOutcome, ValidationRequest } from './validation-step';

async function validate(
	root: string,
	contentDir: string,
	cacheFile: string | undefined,
): Promise<ValidationOutcome> {
	const started = performance.now();
	const seconds = () => (performance.now() - started) / 1000;
	try {
		// Each file's results are kept for the code that produced them: the site's code and packages (50 ms to hash).
		const cache = cacheFile
			? { file: cacheFile, key: await digestInputs(root, projectInputs) }
			: undefined;
		const { problems, fileCount, checkedFiles } = await validateContent(
			root,
			contentDir,
			cache ? { cache } : {},
		);
		return {
			fileCount,
			checkedFiles: checkedFiles.length,
			seconds: seconds(),
			report: problems.length ? formatReport(problems) : undefined,
			failed: problems.some(isError),
		};
	} catch (caught) {
		// A file's own failure is already that file's problem (validate-content.ts): this is the tree's, named, without a stack trace.
		const reason =
			caught instanceof Error ? `${caught.name}: ${caught.message.split('\n')[0]}` : String(caught);
		return {
			fileCount: 0,
			checkedFiles: 0,
			seconds: seconds(),
			report: `${contentDir}: the content check stopped (${reason})`,
			failed: true,
		};
	}
}

const [root, contentDir, cacheFile] = process.argv.slice(2);
if (contentDir) {
	process.send!(await validate(root!, contentDir, cacheFile), () => process.exit(0));
} else {
	process.on('message', async (request: ValidationRequest) =>
		process.send!(await validate(root!, request.contentDir, request.cacheFile)),
	);
	process.on('disconnect', () => process.exit(0));
}
