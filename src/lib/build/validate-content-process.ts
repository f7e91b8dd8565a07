/**
 * The content validation of `npm run build`, in a process of its own (`validation-step.ts`
 * forks this file): it runs beside Astro's start and content sync, and its memory (about
 * 400 MB at 10,000 talks) is returned when it exits instead of staying in Astro's heap.
 */
import { formatReport } from '../validation/problem';
import { validateContent } from '../validation/validate-content';
import type { ValidationOutcome } from './validation-step';

const [root, contentDir] = process.argv.slice(2);
const started = performance.now();
const { problems, fileCount } = await validateContent(root!, contentDir!);
const outcome: ValidationOutcome = {
	fileCount,
	seconds: (performance.now() - started) / 1000,
	report: problems.length ? formatReport(problems) : undefined,
};
process.send!(outcome, () => process.exit(0));
