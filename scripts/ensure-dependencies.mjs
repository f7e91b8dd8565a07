// Installs the locked dependencies when they are missing or older than the lockfile, so
// `npm start` and `npm test` work on a fresh clone. Runs on the system Node (any version npm
// supports): the project's own Node 24 arrives with the install.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { createInterface } from 'node:readline';

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

console.log('Installing the locked dependencies (npm ci)…');
const npm = spawn('npm', ['ci', '--no-audit', '--no-fund'], {
	stdio: ['inherit', 'inherit', 'pipe'],
});
const finished = new Promise((resolve, reject) => npm.on('close', resolve).on('error', reject));
// On a system Node older than the packages want, npm warns about each of them (EBADENGINE).
// Those warnings do not apply: every npm script runs on the Node 24 the install brings
// (the `node` dev dependency in node_modules/.bin). One line says so instead.
let engineWarnings = 0;
for await (const line of createInterface({ input: npm.stderr })) {
	if (line.startsWith('npm warn EBADENGINE')) engineWarnings += 1;
	else console.error(line);
}
const status = await finished;
if (engineWarnings > 0 && status === 0) {
	console.log(
		`Node ${process.version} ran the install; the project's scripts run on the Node 24 it installed.`,
	);
}
process.exit(status ?? 1);
