import path from 'node:path';
import { ESLint } from 'eslint';
import type { Problem } from '#lib/validation/problem.ts';

/** Lints the project's code with its `eslint.config.js`; each message at its line, with the rule's documentation as the hint. */
export async function checkLint(root: string): Promise<Problem[]> {
	const eslint = new ESLint({ cwd: root });
	const results = await eslint.lintFiles(['.']);
	const rules = eslint.getRulesMetaForResults(results);
	return results.flatMap((result) =>
		result.messages.map((message) => {
			const url = message.ruleId ? rules[message.ruleId]?.docs?.url : undefined;
			return {
				file: path.relative(root, result.filePath).split(path.sep).join('/'),
				line: message.line,
				column: message.column,
				message: message.ruleId ? `${message.message} (${message.ruleId})` : message.message,
				...(url ? { hint: url } : {}),
			};
		}),
	);
}
