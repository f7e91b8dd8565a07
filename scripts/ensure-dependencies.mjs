// Installs dependencies when they are missing or older than the lockfile, so `npm start` and
// `npm test` work on a fresh clone. Runs on the system Node (any version npm supports):
// the project's own Node 24 arrives with the install.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

const modified = (file) => {
	try {
		return statSync(file).mtimeMs;
	} catch {
		return undefined;
	}
};
const installed = modified('node_modules/.package-lock.json');
const locked = modified('package-lock.json');
if (installed !== undefined && locked !== undefined && installed >= locked) process.exit(0);

// `npm install` rather than `npm ci`: it follows the lockfile too, and tolerates the platform
// bindings a lockfile written on one OS leaves out for another.
console.log('Installing dependencies…');
const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
