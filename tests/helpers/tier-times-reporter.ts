import type { Reporter, TestModule } from 'vitest/node';

/** One tier's files: how many, their time added up, and when the last one ended. */
export interface TierTime {
	tier: string;
	files: number;
	/** Time inside the tier's files, added up (files of one tier run side by side). */
	fileMs: number;
	/** Milliseconds from the start of the run to the end of the tier's last file. */
	doneAtMs: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const clock = (ms: number) => {
	const total = Math.round(ms / 1000);
	return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
};

/** The lines printed after `npm test`: a line per tier, then the whole run's wall time. */
export function formatTierTimes(tiers: readonly TierTime[], wholeRunMs: number): string {
	const width = Math.max(...tiers.map((tier) => tier.tier.length));
	const lines = tiers.map(
		(tier) =>
			`  ${tier.tier.padEnd(width)}  ${String(tier.files).padStart(3)} file${tier.files === 1 ? ' ' : 's'}  ${seconds(tier.fileMs).padStart(8)} in its files, done after ${clock(tier.doneAtMs)}`,
	);
	return ['Tiers:', ...lines, `The whole run took ${clock(wholeRunMs)}.`].join('\n');
}

/** A test file's time, for the list of the slowest. */
export interface FileTime {
	tier: string;
	/** Relative to the project. */
	file: string;
	ms: number;
}

/** The `count` slowest files, slowest first: where the next cut in the suite's time is. */
export function formatSlowestFiles(files: readonly FileTime[], count = 5): string {
	const slowest = [...files].sort((a, b) => b.ms - a.ms).slice(0, count);
	return [
		'Slowest files:',
		...slowest.map(
			(file) => `  ${seconds(file.ms).padStart(8)}  ${file.tier.padEnd(11)}  ${file.file}`,
		),
	].join('\n');
}

/** Prints how long each tier (Vitest project) took and how long the whole run took. */
export default class TierTimesReporter implements Reporter {
	private started = performance.now();
	private readonly ended = new Map<TestModule, number>();

	onTestRunStart() {
		this.started = performance.now();
	}

	onTestModuleEnd(module: TestModule) {
		this.ended.set(module, performance.now() - this.started);
	}

	onTestRunEnd(modules: ReadonlyArray<TestModule>) {
		const tiers = new Map<string, TierTime>();
		const files: FileTime[] = [];
		for (const module of modules) {
			const name = module.project.name || 'tests';
			const tier = tiers.get(name) ?? { tier: name, files: 0, fileMs: 0, doneAtMs: 0 };
			const diagnostic = module.diagnostic();
			const ms = diagnostic.collectDuration + diagnostic.setupDuration + diagnostic.duration;
			tier.files += 1;
			tier.fileMs += ms;
			tier.doneAtMs = Math.max(tier.doneAtMs, this.ended.get(module) ?? 0);
			tiers.set(name, tier);
			files.push({ tier: name, file: module.relativeModuleId, ms });
		}
		if (tiers.size > 0)
			console.log(
				`\n${formatTierTimes([...tiers.values()], performance.now() - this.started)}\n${formatSlowestFiles(files)}`,
			);
	}
}
