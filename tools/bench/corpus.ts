import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One file of a generated content tree, by its path inside the tree. */
export interface CorpusFile {
	path: string;
	text: string;
}

export interface CorpusOptions {
	talks: number;
	/** Same seed, same corpus: runs on different commits build identical input. */
	seed?: number;
}

/** Two-day events of 250 talks, and one person for every 1.6 talks, as in imported schedules. */
const talksPerEvent = 250;
const talksPerPerson = 1.6;

/** Mulberry32: small, fast and good enough to vary synthetic text. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Common English and technical words of the synthetic prose, most frequent first. */
export const corpusWords = (
	'the of and to in a is for with on that as by this from we it are be or an at how what ' +
	'alpine linux kernel package musl busybox openrc apk repository mirror signing build ' +
	'container podman docker image layer registry network firewall wireguard router switch ' +
	'storage filesystem btrfs zfs snapshot backup restore cluster node scheduler service ' +
	'daemon socket process thread memory cache latency throughput benchmark profile trace ' +
	'compiler toolchain linker library header patch upstream downstream release branch ' +
	'security audit vulnerability advisory update upgrade rollback boot loader firmware ' +
	'arm riscv aarch64 x86 embedded device sensor display driver graphics wayland desktop ' +
	'community contributor maintainer review merge pipeline runner artifact test coverage ' +
	'documentation translation accessibility design interface protocol message queue ' +
	'database query index schema migration replication monitoring metrics alert dashboard'
).split(' ');

/** The syllables the corpora's made-up names are built from. */
export const nameSyllables = [
	'ka',
	'lo',
	'mi',
	'ne',
	'ru',
	'sa',
	'ti',
	'vo',
	'ze',
	'bra',
	'dor',
	'fen',
	'gil',
	'hus',
	'jor',
	'pex',
];

/**
 * The prose vocabulary: the technical words, then a long tail of made-up project names
 * (`kalomi`, `rutize`…). Drawn with Zipf's law, as in real text, so a few words are on every
 * page and most on a few: search index chunks then grow with the corpus as they would.
 */
export const proseVocabulary = [
	...corpusWords,
	...Array.from({ length: nameSyllables.length ** 3 }, (_, index) =>
		[index % 16, Math.floor(index / 16) % 16, Math.floor(index / 256)]
			.map((syllable) => nameSyllables[syllable])
			.join(''),
	),
];
let zipfTotal = 0;
/** Running sums of the weights 1/rank, for drawing a rank by bisection. */
const zipfCumulative = proseVocabulary.map((_, rank) => (zipfTotal += 1 / (rank + 1)));

/** A word of `proseVocabulary` for a uniform draw in [0, 1). */
export function zipfWord(draw: number): string {
	const target = draw * zipfTotal;
	let low = 0;
	let high = zipfCumulative.length - 1;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (zipfCumulative[middle]! > target) high = middle;
		else low = middle + 1;
	}
	return proseVocabulary[low]!;
}

/** Queries of increasing rarity: a common word, a pair, a mid-frequency word, a made-up name. */
export const benchmarkQueries = ['kernel', 'wireguard firewall', 'replication', 'rutize'];

const tagVocabulary = [
	'packaging',
	'kernel',
	'containers',
	'networking',
	'security',
	'storage',
	'embedded',
	'desktop',
	'toolchain',
	'infrastructure',
	'community',
	'documentation',
	'performance',
	'virtualisation',
	'riscv',
	'arm',
	'ci',
	'monitoring',
	'databases',
	'wayland',
	'musl',
	'boot',
	'firmware',
	'testing',
	'release-engineering',
	'mirrors',
	'ipv6',
	'rust',
	'go',
	'python',
];
const givenNames = [
	'Ada',
	'Grace',
	'Linus',
	'Natanael',
	'Ariadne',
	'Kevin',
	'Timo',
	'Carlo',
	'Leonardo',
	'Jakub',
	'Bart',
	'Pablo',
	'Sören',
	'Milan',
	'Rasmus',
	'Henrik',
	'Lucía',
	'Amélie',
	'Noor',
	'Yuki',
];
const familyNames = [
	'Lovelace',
	'Hopper',
	'Copa',
	'Conner',
	'Daudt',
	'Teräs',
	'Arena',
	'Ribeiro',
	'Jirutka',
	'Ribbers',
	'Correa',
	'Ernst',
	'Kovač',
	'Nielsen',
	'Berg',
	'Moreno',
	'Laurent',
	'Haddad',
	'Tanaka',
	'Okafor',
];
const kinds = ['talk', 'talk', 'talk', 'lightning', 'keynote', 'workshop', 'panel', 'demo'];
const tracks = [
	'Distributions',
	'Containers',
	'Kernel',
	'Security',
	'Embedded',
	'Community',
	'Networking',
	'Toolchains',
];
/** About ten rooms for a 250-talk weekend, as FOSDEM's rooms hold 20–30 talks each (real FOSDEM room names). */
const rooms = [
	'H.1302',
	'H.1308',
	'H.2215',
	'K.1.105',
	'K.3.201',
	'K.4.401',
	'UA2.114',
	'UA2.220',
	'AW1.120',
	'AW1.126',
];
const codeSamples = [
	['sh', 'apk add --no-cache build-base\nabuild -r\napk verify ./packages/main/x86_64/*.apk'],
	[
		'yaml',
		'build:\n  image: alpine:edge\n  script:\n    - apk add make gcc musl-dev\n    - make test',
	],
	['c', '#include <stdio.h>\n\nint main(void) {\n\tputs("hello from musl");\n\treturn 0;\n}'],
	['rust', 'fn main() {\n    let total: u64 = (1..=10).sum();\n    println!("{total}");\n}'],
] as const;

/** The content tree of a synthetic hub: events, people and `talks` talks with realistic bodies. */
export function generateCorpus({ talks: talkCount, seed = 1 }: CorpusOptions): CorpusFile[] {
	const random = seededRandom(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
	const sentence = () => {
		const words = Array.from({ length: between(8, 18) }, () => zipfWord(random()));
		return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
	};
	const paragraph = () => Array.from({ length: between(3, 6) }, sentence).join(' ');
	const pad = (value: number, width: number) => String(value).padStart(width, '0');

	const eventCount = Math.max(1, Math.ceil(talkCount / talksPerEvent));
	const personCount = Math.max(1, Math.ceil(talkCount / talksPerPerson));
	const files: CorpusFile[] = [];

	const events = Array.from({ length: eventCount }, (_, index) => {
		// Two-day events, one a month, so talk days stay inside their event.
		const year = 2000 + Math.floor(index / 12);
		const month = pad((index % 12) + 1, 2);
		return {
			id: `benchconf-${pad(index + 1, 4)}`,
			title: `BenchConf ${year}-${month}`,
			start: `${year}-${month}-10`,
			end: `${year}-${month}-11`,
		};
	});
	const people = Array.from({ length: personCount }, (_, index) => ({
		id: `person-${pad(index + 1, 5)}`,
		name: `${givenNames[index % givenNames.length]} ${familyNames[Math.floor(index / givenNames.length) % familyNames.length]} ${index + 1}`,
	}));

	for (const event of events) {
		files.push({
			path: `events/${event.id}.md`,
			text: [
				'---',
				`title: ${event.title}`,
				'series: BenchConf',
				`start: ${event.start}`,
				`end: ${event.end}`,
				'timezone: Europe/Brussels',
				'format: in-person',
				'city: Brussels',
				`tags: [${pick(tagVocabulary)}]`,
				'---',
				'',
				paragraph(),
				'',
			].join('\n'),
		});
	}
	for (const person of people) {
		files.push({
			path: `people/${person.id}.md`,
			text: [
				'---',
				`name: ${person.name}`,
				`affiliations: [${pick(familyNames)} Labs]`,
				'---',
				'',
				paragraph(),
				'',
			].join('\n'),
		});
	}
	for (let index = 0; index < talkCount; index++) {
		const event = events[Math.floor(index / talksPerEvent)]!;
		const speakers = [...new Set(Array.from({ length: between(1, 2) }, () => pick(people).id))];
		const talkTags = [...new Set(Array.from({ length: between(1, 3) }, () => pick(tagVocabulary)))];
		const [language, code] = pick(codeSamples);
		const title = `${pick(corpusWords)} ${pick(corpusWords)} ${pick(corpusWords)} ${index + 1}`;
		const rows = Array.from(
			{ length: between(3, 5) },
			() => `| ${pick(corpusWords)} | ${between(1, 999)} | ${pick(corpusWords)} |`,
		);
		files.push({
			path: `talks/talk-${pad(index + 1, 5)}.md`,
			text: [
				'---',
				`title: ${title.charAt(0).toUpperCase()}${title.slice(1)}`,
				`event: ${event.id}`,
				`speakers: [${speakers.join(', ')}]`,
				`kind: ${pick(kinds)}`,
				`summary: ${sentence()}`,
				`day: ${random() < 0.5 ? event.start : event.end}`,
				`start: "${pad(between(9, 17), 2)}:${pick(['00', '15', '30', '45'])}"`,
				`duration: ${pick([15, 25, 40, 50])}`,
				`track: ${pick(tracks)}`,
				`room: ${pick(rooms)}`,
				`tags: [${talkTags.join(', ')}]`,
				'links:',
				'  - kind: slides',
				`    url: https://bench.example.org/${event.id}/talk-${index + 1}.pdf`,
				'---',
				'',
				paragraph(),
				'',
				paragraph(),
				'',
				'## Results',
				'',
				'| component | value | note |',
				'| --- | ---: | --- |',
				...rows,
				'',
				paragraph(),
				'',
				`\`\`\`${language}`,
				code,
				'```',
				'',
				paragraph(),
				'',
			].join('\n'),
		});
	}
	return files;
}

/** Writes a corpus into `dir`, replacing whatever was there. */
export async function writeCorpus(dir: string, files: readonly CorpusFile[]): Promise<void> {
	await rm(dir, { recursive: true, force: true });
	const folders = new Set(files.map((file) => path.dirname(path.join(dir, file.path))));
	await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
	for (const file of files) await writeFile(path.join(dir, file.path), file.text);
}
