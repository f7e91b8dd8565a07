/**
 * One page of every page type, for checks too slow to run on every page (axe): the home page,
 * 404, each section's list page, its first entry page (`/talks/`, `/talks/<first>/`) and the
 * first of each deeper route (`/events/<id>/grid/`, `/events/<id>/track/<track>/`).
 */
export function samplePageTypes(htmlFiles: readonly string[]): string[] {
	const samples = new Map<string, string>();
	for (const file of htmlFiles) {
		const segments = file.split('/');
		const type =
			segments.length <= 2
				? file
				: `${segments[0]}/${'*/'.repeat(segments.length - 2)}${segments.at(-1)}`;
		if (!samples.has(type)) samples.set(type, file);
	}
	return [...samples.values()];
}
