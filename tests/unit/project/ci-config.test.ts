import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../helpers/build-site';

const read = (file: string) => readFile(path.join(projectRoot, file), 'utf8');
const packageScripts = Object.keys(
	JSON.parse(await read('package.json')).scripts as Record<string, string>,
);

/** Every `npm run <name>` in a CI script must be a script of package.json. */
function npmRunNames(commands: string[]): string[] {
	return commands.flatMap((command) =>
		[...command.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]!),
	);
}

interface GitLabJob {
	stage?: string;
	extends?: string;
	script?: string[];
	rules?: { if: string }[];
	artifacts?: { paths?: string[]; reports?: Record<string, string>; expose_as?: string };
	pages?: { publish?: string };
	environment?: { name: string; url?: string };
}

describe('.gitlab-ci.yml', async () => {
	const text = await read('.gitlab-ci.yml');
	const config = parse(text, { uniqueKeys: true, strict: true }) as Record<string, unknown> & {
		stages: string[];
		variables: Record<string, string>;
		default: { cache: { paths: string[] }[] };
	};
	const job = (name: string) => config[name] as GitLabJob;
	const mergeRequests = '$CI_PIPELINE_SOURCE == "merge_request_event"';
	const defaultBranch = '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH';

	it('parses as YAML and every job runs in a declared stage, with a script', () => {
		const jobs = Object.entries(config).filter(
			([name, value]) =>
				!['workflow', 'stages', 'variables', 'default'].includes(name) &&
				!name.startsWith('.') &&
				value,
		);
		expect(jobs.map(([name]) => name).sort()).toEqual(['check', 'pages', 'review', 'test']);
		for (const [, value] of jobs) {
			expect(config.stages).toContain((value as GitLabJob).stage);
			expect((value as GitLabJob).script?.length).toBeGreaterThan(0);
		}
	});

	it('runs the check on every pipeline, with JUnit and code-quality reports', () => {
		expect(job('check').script!.join('\n')).toContain(
			'npm run check -- --junit reports/check.xml --codequality reports/code-quality.json',
		);
		expect(job('check').artifacts!.reports).toEqual({
			junit: 'reports/check.xml',
			codequality: 'reports/code-quality.json',
		});
	});

	it('runs the tests and publishes a review site on merge requests only', () => {
		expect(job('test').rules).toEqual([{ if: mergeRequests }]);
		expect(job('test').script!.join('\n')).toContain('npm test');
		expect(job('review').rules).toEqual([{ if: mergeRequests }]);
		expect(job('review').artifacts).toMatchObject({ paths: ['dist/'], expose_as: 'Review site' });
		expect(job('review').environment!.name).toBe('review/$CI_COMMIT_REF_SLUG');
	});

	it('deploys the default branch to GitLab Pages, built for CI_PAGES_URL and its path', () => {
		expect(job('pages').rules).toEqual([{ if: defaultBranch }]);
		expect(job('pages').pages).toEqual({ publish: 'dist' });
		const script = job('pages').script!.join('\n');
		expect(script).toContain('SITE_URL="$CI_PAGES_URL"');
		expect(script).toContain('BASE_PATH=');
	});

	it('installs exactly the lockfile, caching npm downloads, and what incremental builds need: the build caches where the build writes them and dist/', () => {
		const installs = [config.default, config['.with-chromium']].flatMap(
			(job) => (job as { before_script: string[] }).before_script,
		);
		expect(installs.filter((command) => command.startsWith('npm '))).toEqual([
			'npm ci --no-audit --no-fund --cache .npm --prefer-offline',
			'npm ci --no-audit --no-fund --cache .npm --prefer-offline',
		]);
		const cached = config.default.cache.flatMap((cache) => cache.paths);
		expect(cached).toContain('.npm/');
		expect(cached).toContain(`${config.variables.EDELWEISS_CACHE_DIR}/`);
		expect(cached).toContain('dist/');
		// The test job builds elsewhere and must not overwrite the build caches with stale ones.
		const testCaches = (config.test as { cache: { paths: string[]; policy?: string }[] }).cache;
		expect(
			testCaches.every((cache) => cache.policy === 'pull' && !cache.paths.includes('dist/')),
		).toBe(true);
	});

	it('installs what the check and the tests drive: Chromium and xmllint', () => {
		const packages = (config['.with-chromium'] as { before_script: string[] }).before_script.join(
			'\n',
		);
		expect(packages).toMatch(/apt-get install .*\bchromium\b.*\blibxml2-utils\b/);
		expect(job('check').extends).toBe('.with-chromium');
		expect(job('test').extends).toBe('.with-chromium');
	});

	it('only runs npm scripts that exist', () => {
		const scripts = Object.values(config).flatMap((value) => (value as GitLabJob)?.script ?? []);
		expect(npmRunNames(scripts).every((name) => packageScripts.includes(name))).toBe(true);
	});
});

describe('.github/workflows/ci.yml', async () => {
	const file = '.github/workflows/ci.yml';
	const text = await read(file);

	it("is a valid workflow according to GitHub's own workflow parser", () => {
		const result = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
		expect(result.context.errors.getErrors().map((error) => error.message)).toEqual([]);
		expect(result.value).toBeDefined();
	});

	it('checks, tests and uploads the site on pull requests, and deploys main to Pages', () => {
		const workflow = parse(text) as {
			on: Record<string, unknown>;
			jobs: Record<
				string,
				{
					if?: string;
					needs?: string;
					steps: {
						uses?: string;
						run?: string;
						with?: Record<string, unknown>;
						env?: Record<string, string>;
					}[];
				}
			>;
		};
		expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
		const check = workflow.jobs.check!.steps;
		const runs = check.map((step) => step.run ?? '');
		expect(runs).toContain('npm run check -- --junit reports/check.xml');
		expect(runs).toContain('npm test');
		expect(runs.filter((run) => run.startsWith('npm ') && / (install|ci)\b/.test(run))).toEqual([
			'npm ci --no-audit --no-fund',
		]);
		expect(check.some((step) => step.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
		const cachedPaths = (job: typeof check) =>
			String(job.find((step) => step.uses?.startsWith('actions/cache@'))?.with?.path)
				.trim()
				.split('\n');
		expect(cachedPaths(check)).toEqual(['.cache/astro', 'dist']);
		const deploy = workflow.jobs.deploy!;
		expect(deploy.if).toContain("github.ref == 'refs/heads/main'");
		expect(deploy.steps.at(-1)!.uses).toMatch(/^actions\/deploy-pages@/);
		expect(cachedPaths(deploy.steps)).toEqual(['.cache/astro', 'dist']);
		expect(deploy.steps.find((step) => step.run === 'npm run build')!.env).toMatchObject({
			SITE_URL: expect.any(String),
			BASE_PATH: expect.any(String),
		});
		expect(
			npmRunNames([...runs, ...deploy.steps.map((step) => step.run ?? '')]).every((name) =>
				packageScripts.includes(name),
			),
		).toBe(true);
	});
});
