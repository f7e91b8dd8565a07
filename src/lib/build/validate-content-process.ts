/**
 * Content validation in a process of its own (`validation-step.ts` forks this file). For
 * `npm run build` it validates the tree named by its arguments once, beside Astro's start and
 * content sync, and its memory (about 400 MB at 10,000 talks) leaves with it instead of staying
 * in Astro's heap. Under `astro dev` it stays up and validates the tree named in each message,
 * off the server's thread.
 */
import { formatReport, isError } from '../validation/problem';
import { validateContent } from '../validation/validate-content';
import type { ValidationOutcome } from './validation-step';

async function validate(root: string, contentDir: string): Promise<ValidationOutcome> {
	const started = performance.now();
	const seconds = () => (performance.now() - started) / 1000;
	try {
		const { problems, fileCount } = await validateContent(root, contentDir);
		return { fileCount, seconds: seconds(), report: problems.length ? formatReport(problems) : undefined, failed: problems.some(isError) };
	} catch (caught) {
		// A file's own failure is already that file's problem (validate-content.ts): this is the tree's, named, without a stack trace.
		const reason = caught instanceof Error ? `${caught.name}: ${caught.message.split('\n')[0]}` : String(caught);
		return { fileCount: 0, seconds: seconds(), report: `${contentDir}: the content check stopped (${reason})`, failed: true };
	}
}

const [root, contentDir] = process.argv.slice(2);
if (contentDir) {
	process.send!(await validate(root!, contentDir), () => process.exit(0));
} else {
	process.on('message', async (request: { contentDir: string }) => process.send!(await validate(root!, request.contentDir)));
	process.on('disconnect', () => process.exit(0));
}
