import { styleText } from 'node:util';
import { MissingIndexError } from '#tools/search/pagefind-node.ts';
import {
	formatHits,
	hitsAsJson,
	parseSearchArgs,
	runTerminalSearch,
	searchUsage,
	UsageError,
} from '#tools/search/terminal-search.ts';

try {
	const options = parseSearchArgs(process.argv.slice(2));
	if (options === 'help') {
		console.log(searchUsage);
	} else {
		const result = await runTerminalSearch(options);
		console.log(
			options.json ? hitsAsJson(result) : formatHits(result, (word) => styleText('bold', word)),
		);
	}
} catch (error) {
	if (error instanceof MissingIndexError) {
		console.error(error.message);
	} else if (error instanceof UsageError) {
		console.error(`${error.message}\n\n${searchUsage}`);
	} else {
		throw error;
	}
	process.exitCode = 1;
}
