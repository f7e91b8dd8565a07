/**
 * `tsx tests/helpers/import-then-die.ts <schedule> <content> <n>`: imports a schedule and kills
 * itself with SIGKILL (which no handler can hold) once `n` files are moved into place, as a
 * power cut or `kill -9` would stop an import in the middle of its rename pass.
 */
import { importSchedule } from '#tools/import/import-schedule.ts';

const [file, contentDir, after] = process.argv.slice(2);
await importSchedule({
	files: [file!],
	contentDir: contentDir!,
	onCommit: (done) => {
		if (done === Number(after)) process.kill(process.pid, 'SIGKILL');
	},
});
