import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { slug } from 'github-slugger';

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

/**
 * What both corpora imitate: FOSDEM's twenty-year archive imported whole (issue 23): twenty
 * editions of about 590 talks, about 0.6 people per talk, most of whom speak at one edition only.
 */
export const fosdemArchive = { editions: 20, talks: 11_803, people: 7_000, pages: 21_157 };
const talksPerEdition = Math.round(fosdemArchive.talks / fosdemArchive.editions);

/**
 * How many editions a corpus of `talks` talks has: the archive's twenty, one a year, whatever
 * the size (so a smaller corpus is the same archive with smaller editions, and its people and
 * pages per talk stay the archive's); beyond the archive's size, editions of about 590 talks.
 */
export const editionCount = (talks: number) =>
	Math.max(Math.min(talks, fosdemArchive.editions), Math.round(talks / talksPerEdition));
/** The newest edition's year: one edition a year before it. */
export const newestYear = 2024;

/** A talk has a second speaker one time in five, as in imported schedules: 1.2 speakers a talk. */
const secondSpeakerShare = 0.2;
const speakersPerTalk = 1 + secondSpeakerShare;
/** Of the archive's people, the share who speak once; the rest come back, edition after edition. */
const speakOnceShare = 0.8;
const peoplePerTalk = fosdemArchive.people / fosdemArchive.talks;
/** How often a speaker is someone new, who speaks this once: gives `speakOnceShare` of the people. */
const newSpeakerShare = (speakOnceShare * peoplePerTalk) / speakersPerTalk;

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
/**
 * Up to two dozen tracks and rooms an edition, one of each per 25 talks, as FOSDEM's devrooms
 * hold 20–30 talks each (real room names): each has pages of its own (`events/<id>/room/…`).
 */
const talksPerDevroom = 25;
const tracks = [
	'Distributions',
	'Containers',
	'Kernel',
	'Security',
	'Embedded',
	'Community',
	'Networking',
	'Toolchains',
	'Databases',
	'Graphics',
	'Monitoring',
	'Testing',
	'Virtualisation',
	'Documentation',
	'Package Management',
	'Firmware',
	'Rust',
	'Go',
	'Python',
	'Storage',
	'Accessibility',
	'Release Engineering',
	'RISC-V',
	'Mirrors',
];
const rooms = [
	'Janson',
	'H.1301',
	'H.1302',
	'H.1308',
	'H.1309',
	'H.2213',
	'H.2214',
	'H.2215',
	'K.1.105',
	'K.3.201',
	'K.3.401',
	'K.4.201',
	'K.4.401',
	'K.4.601',
	'UA2.114',
	'UA2.118',
	'UA2.220',
	'UB2.252A',
	'UB4.132',
	'UB5.132',
	'UB5.230',
	'AW1.120',
	'AW1.121',
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

/**
 * What a hub's topics look like (content/topics/, docs/topics.md), for both corpora: names,
 * aliases and terms that FOSDEM's talks and the synthetic prose both use, a parent, and false
 * friends excluded. Every talk is matched against them at build time, which the benchmark times.
 */
const benchTopics = [
	{ id: 'linux-kernel', name: 'Linux kernel', aliases: ['kernel'], terms: ['eBPF', 'syscall'] },
	{
		id: 'containers',
		name: 'Containers',
		terms: ['container', 'docker', 'OCI image', 'Kubernetes'],
	},
	{ id: 'podman', name: 'Podman', parent: 'containers', terms: ['pod', 'rootless containers'] },
	{
		id: 'networking',
		name: 'Networking',
		terms: ['network', 'firewall', 'WireGuard', 'router', 'IPv6'],
	},
	{ id: 'security', name: 'Security', terms: ['vulnerability', 'security audit', 'advisory'] },
	{ id: 'storage', name: 'Storage', terms: ['filesystem', 'btrfs', 'ZFS', 'snapshot', 'backup'] },
	{
		id: 'databases',
		name: 'Databases',
		aliases: ['database'],
		terms: ['PostgreSQL', 'replication', 'SQL'],
	},
	{ id: 'rust', name: 'Rust', terms: ['cargo', 'rustc'], exclude: ['rust belt'] },
	{ id: 'risc-v', name: 'RISC-V', aliases: ['riscv'] },
	{
		id: 'embedded',
		name: 'Embedded systems',
		aliases: ['embedded'],
		terms: ['firmware', 'sensor'],
	},
	{ id: 'wayland', name: 'Wayland', terms: ['compositor'] },
	{
		id: 'matrix',
		name: 'Matrix',
		terms: ['Element', 'federation'],
		exclude: ['test matrix', 'matrix multiplication'],
	},
];

/**
 * The tags that name a topic (its id, or its name or an alias as a slug), which the hub refuses
 * as tags (`src/lib/validation/topics.ts`): a synthetic entry writes them as `topics: [...]`.
 */
const topicOfTag = new Map(
	benchTopics.flatMap((topic) =>
		[topic.id, slug(topic.name), ...(topic.aliases ?? []).map((alias) => slug(alias))].map(
			(name) => [name, topic.id] as const,
		),
	),
);

/** An entry's `tags:` and `topics:` lines for the tags drawn for it. */
function tagLines(drawn: readonly string[]): string[] {
	const tags = [...new Set(drawn.filter((tag) => !topicOfTag.has(tag)))];
	const topics = [...new Set(drawn.flatMap((tag) => topicOfTag.get(tag) ?? []))];
	return [
		...(tags.length ? [`tags: [${tags.join(', ')}]`] : []),
		...(topics.length ? [`topics: [${topics.join(', ')}]`] : []),
	];
}

/** The topic files of `benchTopics`, which both corpora hold. */
export const topicFiles: CorpusFile[] = benchTopics.map((topic) => {
	const list = (items: readonly string[] | undefined) =>
		`[${(items ?? []).map((item) => JSON.stringify(item)).join(', ')}]`;
	return {
		path: `topics/${topic.id}.md`,
		text: [
			'---',
			`name: ${topic.name}`,
			`aliases: ${list(topic.aliases)}`,
			`summary: Talks about ${topic.name}, across editions.`,
			...('parent' in topic ? [`parent: ${topic.parent}`] : []),
			'match:',
			`  terms: ${list(topic.terms)}`,
			`  exclude: ${list('exclude' in topic ? topic.exclude : undefined)}`,
			'---',
			'',
			`Where the hub gathers what was said about ${topic.name} over the years.`,
			'',
		].join('\n'),
	};
});

/**
 * The content tree of a synthetic hub shaped like the archive (`fosdemArchive`): an edition a
 * year (`editionCount`) of talks with realistic bodies, people who mostly speak once, and the topics.
 */
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

	const eventCount = editionCount(talkCount);
	const devrooms = Math.min(
		rooms.length,
		Math.max(1, Math.round(talkCount / eventCount / talksPerDevroom)),
	);
	const files: CorpusFile[] = [];

	// One edition a year, oldest first, ending with `newestYear`.
	const events = Array.from({ length: eventCount }, (_, index) => {
		const year = newestYear - (eventCount - 1 - index);
		return {
			id: `benchconf-${year}`,
			title: `BenchConf ${year}`,
			start: `${year}-02-03`,
			end: `${year}-02-04`,
		};
	});
	// The people who come back: drawn from edition after edition. Everyone else is new, speaks
	// once and is made when their talk is.
	const people: { id: string; name: string }[] = [];
	const newPerson = () => {
		const index = people.length;
		const person = {
			id: `person-${pad(index + 1, 5)}`,
			name: `${givenNames[index % givenNames.length]} ${familyNames[Math.floor(index / givenNames.length) % familyNames.length]} ${index + 1}`,
		};
		people.push(person);
		return person;
	};
	const recurringCount = Math.max(1, Math.round(talkCount * peoplePerTalk * (1 - speakOnceShare)));
	const recurring = Array.from({ length: recurringCount }, newPerson);
	const speaker = () => (random() < newSpeakerShare ? newPerson() : pick(recurring)).id;

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
				...tagLines([pick(tagVocabulary)]),
				'---',
				'',
				paragraph(),
				'',
			].join('\n'),
		});
	}
	for (let index = 0; index < talkCount; index++) {
		const event = events[Math.floor((index * eventCount) / talkCount)]!;
		const speakers = [
			...new Set(Array.from({ length: random() < secondSpeakerShare ? 2 : 1 }, speaker)),
		];
		const talkTags = Array.from({ length: between(1, 3) }, () => pick(tagVocabulary));
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
				`track: ${pick(tracks.slice(0, devrooms))}`,
				`room: ${pick(rooms.slice(0, devrooms))}`,
				...tagLines(talkTags),
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
	files.push(...topicFiles);
	return files;
}

/** Writes a corpus into `dir`, replacing whatever was there. */
export async function writeCorpus(dir: string, files: readonly CorpusFile[]): Promise<void> {
	await rm(dir, { recursive: true, force: true });
	await addCorpusFiles(dir, files);
}

/** Writes files into a content tree, beside what it holds. */
export async function addCorpusFiles(dir: string, files: readonly CorpusFile[]): Promise<void> {
	const folders = new Set(files.map((file) => path.dirname(path.join(dir, file.path))));
	await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
	for (const file of files) await writeFile(path.join(dir, file.path), file.text);
}
