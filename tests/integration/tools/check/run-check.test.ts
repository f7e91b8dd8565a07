import { describe, expect, it } from 'vitest';
import { runCheck, stageIds, type StageId } from '#tools/check/run-check.ts';
import type { StageResult } from '#tools/check/report.ts';
import { projectRoot } from '../../../helpers/build-site';
import { page, scratchSite } from '../../../helpers/scratch-site';

// The slow stages have tests of their own (tests/unit/check/*, tests/integration/check/*, tests/build/check.test.ts).
const fastOnly = new Set<StageId>(['types', 'lint', 'format', 'unused', 'accessibility']);
const summary = (stages: StageResult[]) =>
	stages.map(({ id, problems, skipped }) => [id, problems.length, skipped ?? 'ran']);

describe('runCheck', async () => {
	const dist = await scratchSite({
		'index.html': page('<main><h1>Home</h1><a href="/nowhere/">gone</a></main>'),
	});

	it('runs every stage once, content first, skipping what a failed stage blocks and saying why, and returns them in order', async () => {
		const seen: string[] = [];
		const stages = await runCheck({
			root: projectRoot,
			contentDir: 'tests/fixtures/mistakes/content',
			skip: fastOnly,
			onStage: (stage) => seen.push(stage.id),
		});
		// After the content, the tracks run side by side: they end in any order.
		expect(seen[0]).toBe('content');
		expect([...seen].sort()).toEqual([...stageIds].sort());
		expect(summary(stages)).toEqual([
			['content', 14, 'ran'],
			['types', 0, 'not requested'],
			['lint', 0, 'not requested'],
			['format', 0, 'not requested'],
			['unused', 0, 'not requested'],
			['build', 0, 'fix the content problems first'],
			['links', 0, 'needs a successful build'],
			['html', 0, 'needs a successful build'],
			['accessibility', 0, 'not requested'],
		]);
		expect(stages.every((stage) => stage.durationMs >= 0 && stage.title.length > 0)).toBe(true);
	});

	it('checks a given built site instead of building, naming its pages where they are', async () => {
		const stages = await runCheck({
			root: projectRoot,
			contentDir: 'tests/fixtures/basic/content',
			dist,
			skip: fastOnly,
		});
		expect(
			summary(stages).filter(([id]) =>
				['content', 'build', 'links', 'html'].includes(id as string),
			),
		).toEqual([
			['content', 0, 'ran'],
			['build', 0, `checking ${dist}`],
			['links', 1, 'ran'],
			['html', 0, 'ran'],
		]);
		const [broken] = stages.find((stage) => stage.id === 'links')!.problems;
		expect(broken!.file.endsWith('/index.html')).toBe(true);
		expect(broken!.message).toContain('/nowhere/');
	});
});
