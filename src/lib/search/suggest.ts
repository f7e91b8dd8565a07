/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(
				previous[j]! + 1,
				current[j - 1]! + 1,
				previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		}
		previous = current;
	}
	return previous[b.length]!;
}

/**
 * The candidates closest to `value`, best first: those within a third of its length in edits,
 * or containing it, so `ncopa` suggests `natanael-copa` and `fosdem-2002` suggests `fosdem-2020`.
 */
export function closestMatches(value: string, candidates: Iterable<string>, limit = 3): string[] {
	const needle = value.toLowerCase();
	const budget = Math.max(2, Math.ceil(needle.length / 3));
	return [...new Set(candidates)]
		.map((candidate) => {
			const distance = editDistance(needle, candidate.toLowerCase());
			const contains =
				candidate.toLowerCase().includes(needle) || needle.includes(candidate.toLowerCase());
			return { candidate, score: contains ? Math.min(distance, 1) : distance };
		})
		.filter(({ score }) => score <= budget)
		.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
		.slice(0, limit)
		.map(({ candidate }) => candidate);
}
