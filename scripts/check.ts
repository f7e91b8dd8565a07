/**
 * `npm run check`: everything a merge request must pass, with a summary at the end.
 *   npm run check -- [--content <dir>] [--dist <built site>] [--skip types,accessibility]
 *                    [--junit <file>] [--codequality <file>]
 * Exits 1 on any problem. In GitHub Actions each problem is also an annotation.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
	formatCheckReport,
	stagePassed,
	toCodeQuality,
	toGitHubAnnotations,
	toJUnit,
} from '#tools/check/report.ts';
import { runCheck, stageIds, type StageId } from '#tools/check/run-check.ts';
import { contentDir as defaultContentDir } from '#lib/content/content-dir.ts';

const { values } = parseArgs({
	options: {
		content: { type: 'string', default: defaultContentDir },
		dist: { type: 'string' },
		skip: { type: 'string', default: '' },
		junit: { type: 'string' },
		codequality: { type: 'string' },
	},
});

const skip = new Set(values.skip.split(',').filter(Boolean));
for (const id of skip) {
	if (!(stageIds as readonly string[]).includes(id)) {
		console.error(`--skip: unknown stage "${id}"; stages are ${stageIds.join(', ')}`);
		process.exit(2);
	}
}

const root = process.cwd();
const stages = await runCheck({
	root,
	contentDir: values.content,
	...(values.dist ? { dist: path.resolve(values.dist) } : {}),
	skip: skip as Set<StageId>,
	onStage: (stage) =>
		console.log(
			`${stage.skipped ? '-' : stagePassed(stage) ? '✓' : '✗'} ${stage.title}${stage.skipped ? ` (skipped: ${stage.skipped})` : ''}`,
		),
});

const write = async (file: string, text: string) => {
	await mkdir(path.dirname(path.resolve(file)), { recursive: true });
	await writeFile(file, text);
};
if (values.junit) await write(values.junit, toJUnit(stages));
if (values.codequality)
	await write(values.codequality, `${JSON.stringify(toCodeQuality(stages), null, '\t')}\n`);
if (process.env.GITHUB_ACTIONS === 'true') {
	const annotations = toGitHubAnnotations(stages);
	if (annotations) console.log(annotations);
}

console.log(`\n${formatCheckReport(stages)}`);
// A stage is only skipped for a failure when an earlier stage reported problems.
process.exitCode = stages.some((stage) => !stage.skipped && !stagePassed(stage)) ? 1 : 0;
