import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nameSyllables, seededRandom, zipfWord } from './corpus';

/**
 * A large congress's archive as its video team publishes it: one frab `schedule.xml` per
 * edition, merged from several systems (frab lectures, pretalx stages, wiki sessions), with the
 * shapes of issue 22 throughout. Seeded: the same options give the same files, byte for byte.
 */
export interface CongressOptions {
	/** How many editions, a year apart, the newest in 2023. */
	editions?: number;
	/** Events (listings, repeats included) of the first and the last edition; linear between. */
	events?: readonly [first: number, last: number];
	/** Rooms of the first and the last edition; linear between. */
	rooms?: readonly [first: number, last: number];
	seed?: number;
}

export interface CongressEditionPlan {
	year: number;
	events: number;
	rooms: number;
}

export interface CongressSchedule {
	/** `hack-congress-<year>.xml`. */
	name: string;
	xml: string;
}

/** Six editions from 300 to 1,500 events in 50 to 150 rooms, as a large congress grew. */
const congressDefaults: Required<CongressOptions> = {
	editions: 6,
	events: [300, 1500],
	rooms: [50, 150],
	seed: 1,
};

const lastYear = 2023;
/** The halls every edition has; they hold the lectures, the busiest rooms of the series. */
const halls = [
	'Saal 1',
	'Saal 2',
	'Saal 3',
	'Saal G',
	'Chaos-West Bühne: Assembly of Critical Hackers & Makers',
	'Stage HUFF',
];
const hallShare = 0.4;
/** Each edition's other rooms start this far into the pool, so consecutive editions share some. */
const roomsPerYear = 40;
const days = 4;
/** A conference day runs 10:30 to 02:00, in minutes after its midnight; it changes at 04:00. */
const dayOpens = 10 * 60 + 30;
const dayCloses = 26 * 60;
const slotLimit = 120;
const tracks = [
	'Hardware & Making',
	'Security',
	'Ethics, Society & Politics',
	'Science',
	'Art & Culture',
	'Resilience & Sustainability',
	'Entertainment',
	'CCC',
	'Education',
	'Infrastructure',
];
/** Spellings a later edition gave the same track: one series track (`trackSlug`). */
const laterSpellings: Record<string, string> = {
	'Ethics, Society & Politics': 'Ethics, Society and Politics',
	'Hardware & Making': 'Hardware and Making',
};
const wikiTrack = 'Self-organized Sessions';
const firstNames = [
	'Ada',
	'Bastian',
	'Chiara',
	'Dmitri',
	'Elif',
	'Fatou',
	'Gunnar',
	'Hana',
	'Ingrid',
	'Jonas',
	'Kemal',
	'Lena',
	'Mikko',
	'Nadia',
	'Oskar',
	'Priya',
	'Quentin',
	'Rosa',
	'Sven',
	'Tamar',
	'Ugo',
	'Vera',
	'Wiebke',
	'Xaver',
	'Yusuf',
	'Zofia',
	'Anouk',
	'Björn',
	'Céline',
	'Dörte',
	'Émile',
	'Frauke',
	'Gülşen',
	'Håkon',
	'Iñaki',
	'Jürgen',
	'Kåre',
	'Łucja',
	'Mø',
	'Núria',
];
const roomWords = [
	'Critical',
	'Decentral',
	'Leftist',
	'Open',
	'Queer',
	'Rural',
	'Solar',
	'Tiny',
	'Wobbly',
	'Yellow',
	'Amber',
	'Binary',
	'Cosmic',
	'Fuzzy',
	'Lunar',
	'Noisy',
];
const roomKinds = ['Assembly', 'Village', 'Hackcenter', 'Lounge', 'Workshop Room', 'Tent', 'Stage'];

/** A made-up surname for `index`: unique for each index below 16³. */
const surname = (index: number) => {
	const word = [index % 16, Math.floor(index / 16) % 16, Math.floor(index / 256) % 16]
		.map((syllable) => nameSyllables[syllable])
		.join('');
	return word[0]!.toUpperCase() + word.slice(1);
};
/** Person `index` of the series: one name per person, never two people under one name. */
export const speakerName = (index: number) =>
	`${firstNames[index % firstNames.length]} ${surname(Math.floor(index / firstNames.length))}`;
/** Room `index` of the pool the editions draw their smaller rooms from. */
export const roomName = (index: number) =>
	`${roomWords[index % roomWords.length]} ${surname(Math.floor(index / roomWords.length))} ${roomKinds[index % roomKinds.length]}`;

const uuid = (namespace: number, index: number) =>
	`${namespace.toString(16).padStart(8, '0')}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pad = (value: number) => String(value).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
const addDays = (date: string, count: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);

/** Each edition's year, events and rooms: linear from the first to the last. */
export function planCongress(options: CongressOptions = {}): CongressEditionPlan[] {
	const { editions, events, rooms } = { ...congressDefaults, ...options };
	const between = ([first, last]: readonly [number, number], index: number) =>
		editions === 1 ? last : Math.round(first + ((last - first) * index) / (editions - 1));
	return Array.from({ length: editions }, (_, index) => ({
		year: lastYear - editions + 1 + index,
		events: between(events, index),
		rooms: Math.max(1, Math.min(between(rooms, index), between(events, index))),
	}));
}

interface Listing {
	/** Index of the talk in the edition: listings of a repeated session share it. */
	talk: number;
	room: string;
	day: number;
	/** Minutes after the conference day's midnight: 1,560 is 02:00 the next calendar day. */
	start: number;
	duration: number;
}

interface Talk {
	index: number;
	id: number;
	guid: string;
	title: string;
	wiki: boolean;
	/** Written pretalx-style (`<public_name>`, `<biography>`), as a merged pretalx stage is. */
	pretalx: boolean;
	track: string;
	type: string;
	speakers: number[];
	abstract: string;
	recorded: boolean;
}

/**
 * One edition's `schedule.xml`: `plan.events` listings in `plan.rooms` rooms over four days.
 * The halls hold most of the lectures; every room has at least one event. Mixed in, at rates a
 * merged congress schedule has them: workshops listed on several days (one guid, one title),
 * wiki sessions whose numeric ids repeat the lectures' under guids of their own and whose
 * speakers all have id 0 (and whose `<room>` some spell in lower case), pretalx-style persons
 * with `<public_name>` and `<biography>`, persons by guid without an id, talks after midnight
 * listed under the day before, `time_zone_name` in every other edition, and an ASCII-only
 * edition with every other character as a numeric entity.
 */
function congressEdition(
	plan: CongressEditionPlan,
	editionIndex: number,
	seed = congressDefaults.seed,
): string {
	const random = seededRandom(seed * 1_000 + editionIndex);
	const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
	const words = (count: number) => Array.from({ length: count }, () => zipfWord(random()));
	const sentence = (count: number) => {
		const text = words(count).join(' ');
		return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
	};
	const start = `${plan.year}-12-27`;
	const otherRooms = Math.max(0, plan.rooms - halls.length);
	const rooms = [
		...halls.slice(0, plan.rooms),
		...Array.from({ length: otherRooms }, (_, index) =>
			roomName(editionIndex * roomsPerYear + index),
		),
	];
	const trackName = (name: string) =>
		editionIndex >= 3 && laterSpellings[name] ? laterSpellings[name] : name;

	// Speakers: each edition draws from a window of the series' people that half overlaps the
	// previous edition's, so people come back.
	const window = Math.max(10, Math.round(plan.events * 0.8));
	const firstSpeaker = Math.round(editionIndex * window * 0.5);
	const speaker = () => firstSpeaker + Math.floor(random() ** 1.5 * window);

	// Talks, then their listings: a workshop in twenty is held on two or three days.
	const talks: Talk[] = [];
	const listings: { talk: number; room: string }[] = [];
	let wikiIds = 0;
	for (let index = 0; listings.length < plan.events; index++) {
		const room =
			index < rooms.length
				? rooms[index]!
				: random() < hallShare || !otherRooms
					? halls[Math.floor(random() * Math.min(halls.length, rooms.length))]!
					: rooms[halls.length + Math.floor(random() ** 2 * otherRooms)]!;
		const wiki = !halls.includes(room) && random() < 0.3;
		const workshop = !wiki && random() < 0.05;
		const track = wiki ? wikiTrack : trackName(tracks[Math.floor(random() * tracks.length)]!);
		talks.push({
			index,
			// Wiki sessions are numbered by the wiki, from 1: the lectures' ids again.
			id: 10_000 + (wiki ? ++wikiIds : index),
			guid: uuid(wiki ? 0xa11 + editionIndex : 0xc0de + editionIndex, index),
			title: `${sentence(between(3, 7)).slice(0, -1)}${workshop ? ' workshop' : ''}`,
			wiki,
			pretalx: !wiki && room.startsWith('Stage'),
			track,
			type: wiki
				? 'Self Organized Session'
				: workshop
					? `Workshop ${between(1, 2) * 60} Minutes`
					: random() < 0.1
						? 'Lightning Talk'
						: 'Talk',
			speakers: [...new Set(Array.from({ length: between(1, wiki ? 4 : 2) }, speaker))],
			abstract: Array.from(
				{ length: between(1, 3) },
				() =>
					`<p>${Array.from({ length: between(2, 5) }, () => sentence(between(6, 14))).join(' ')}</p>`,
			).join(''),
			recorded: halls.includes(room) && random() < 0.8,
		});
		const held = workshop ? between(2, 3) : 1;
		for (let session = 0; session < held && listings.length < plan.events; session++)
			listings.push({ talk: index, room });
	}

	// Each room's listings evenly over the days, in slots that fit the day (two hours at most):
	// the halls' days end at 02:00, with a talk after midnight; the other rooms' start at 10:30.
	const laidOut: Listing[] = [];
	for (const room of rooms) {
		const inRoom = listings.filter((listing) => listing.room === room);
		const perDay = Math.ceil(inRoom.length / days);
		const slot = Math.min(slotLimit, Math.floor((dayCloses - dayOpens) / perDay / 5) * 5);
		const opens = halls.includes(room) ? dayCloses - perDay * slot : dayOpens;
		// Cells of the room's days × slots, filled in order; a talk held several times takes the
		// same slot on the following days where free, so each session is on a day of its own.
		const taken = new Set<number>();
		let next = 0;
		let previous: { talk: number; cell: number } | undefined;
		for (const listing of inRoom) {
			let cell: number | undefined;
			if (previous?.talk === listing.talk)
				for (
					let later = previous.cell + perDay;
					later < days * perDay && cell === undefined;
					later += perDay
				)
					if (!taken.has(later)) cell = later;
			while (cell === undefined)
				if (!taken.has(next)) cell = next;
				else next++;
			taken.add(cell);
			previous = { talk: listing.talk, cell };
			laidOut.push({
				...listing,
				day: Math.floor(cell / perDay),
				start: opens + (cell % perDay) * slot,
				duration: Math.max(10, slot - 5),
			});
		}
	}

	const personIds = new Map<number, number>();
	const personId = (person: number) => {
		let id = personIds.get(person);
		if (id === undefined) personIds.set(person, (id = 100 + personIds.size));
		return id;
	};
	const person = (talk: Talk, index: number) => {
		const name = escapeXml(speakerName(index));
		if (talk.wiki) return `<person id="0">${name}</person>`;
		if (talk.pretalx)
			return `<person id="${personId(index)}"><code>${index.toString(36).toUpperCase()}</code><public_name>${name}</public_name><biography>&lt;p&gt;${escapeXml(sentence(8))}&lt;/p&gt;</biography></person>`;
		// Odd editions merged a system that names people by guid only.
		if (editionIndex % 2 === 1 && index % 5 === 0)
			return `<person guid="${uuid(0x9e09, index)}">${name}</person>`;
		return `<person id="${personId(index)}">${name}</person>`;
	};
	const offset = '+01:00';
	const eventXml = (listing: Listing) => {
		const talk = talks[listing.talk]!;
		const date = addDays(start, listing.day + Math.floor(listing.start / 1440));
		const slug =
			`hc${plan.year}-${talk.index}-${talk.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(
				0,
				80,
			);
		return [
			`      <event guid="${talk.guid}" id="${talk.id}">`,
			`        <date>${date}T${clock(listing.start)}:00${offset}</date>`,
			`        <start>${clock(listing.start)}</start>`,
			`        <duration>${clock(listing.duration)}</duration>`,
			`        <room>${escapeXml(talk.wiki && talk.index % 4 === 0 ? listing.room.toLowerCase() : listing.room)}</room>`,
			`        <slug>${slug}</slug>`,
			`        <url>https://events.example.org/hc${plan.year}/talk/${talk.index}/</url>`,
			`        <title>${escapeXml(talk.title)}</title>`,
			`        <subtitle/>`,
			`        <track>${escapeXml(talk.track)}</track>`,
			`        <type>${talk.type}</type>`,
			`        <language>${talk.index % 7 === 0 ? 'de' : 'en'}</language>`,
			`        <abstract>${escapeXml(talk.abstract)}</abstract>`,
			`        <description>${talk.index % 9 === 0 ? `Bring a laptop.&#13;\nAnd a friend.` : ''}</description>`,
			`        <persons>${talk.speakers.map((index) => person(talk, index)).join('')}</persons>`,
			talk.recorded
				? `        <links><link href="https://media.example.org/v/hc${plan.year}-${talk.index}">Recording</link></links>`
				: `        <links/>`,
			`      </event>`,
		].join('\n');
	};

	const dayXml = (day: number) => {
		const date = addDays(start, day);
		const inDay = laidOut.filter((listing) => listing.day === day);
		const roomsXml = rooms
			.map((room) => {
				const events = inDay
					.filter((listing) => listing.room === room)
					.sort((a, b) => a.start - b.start);
				return events.length
					? `    <room name="${escapeXml(room)}">\n${events.map(eventXml).join('\n')}\n    </room>`
					: '';
			})
			.filter(Boolean);
		return [
			`  <day index="${day + 1}" date="${date}" start="${date}T04:00:00${offset}" end="${addDays(date, 1)}T03:59:00${offset}">`,
			...roomsXml,
			'  </day>',
		].join('\n');
	};

	const declaredTracks =
		editionIndex % 3 === 2
			? tracks.map(
					(name) =>
						`    <track name="${escapeXml(trackName(name))}" color="#${(name.length * 0x1f3d5b).toString(16).slice(-6).padStart(6, '0')}" slug="${trackName(
							name,
						)
							.toLowerCase()
							.replace(/[^a-z0-9]+/g, '-')}"/>`,
				)
			: [];
	const xml = [
		...(editionIndex % 2 === 0 ? ['<?xml version="1.0" encoding="UTF-8"?>'] : []),
		'<schedule>',
		`  <version>${plan.year} / merged v${editionIndex + 1}</version>`,
		'  <conference>',
		`    <acronym>hc${plan.year}</acronym>`,
		`    <title>Hack Congress ${plan.year}</title>`,
		`    <start>${editionIndex % 2 === 0 ? start : `${start}T10:30:00${offset}`}</start>`,
		`    <end>${addDays(start, days - 1)}</end>`,
		`    <days>${days}</days>`,
		'    <day_change>04:00</day_change>',
		...(editionIndex % 2 === 0 ? ['    <time_zone_name>Europe/Berlin</time_zone_name>'] : []),
		`    <base_url>https://events.example.org/hc${plan.year}/</base_url>`,
		...declaredTracks,
		'  </conference>',
		...Array.from({ length: days }, (_, day) => dayXml(day)),
		'</schedule>',
		'',
	].join('\n');
	// One edition came through a tool that writes ASCII only.
	return editionIndex === 1
		? xml.replace(/[^\0-\x7f]/gu, (character) => `&#${character.codePointAt(0)};`)
		: xml;
}

/** Every edition's schedule, oldest first. */
export function congressSchedules(options: CongressOptions = {}): CongressSchedule[] {
	const seed = options.seed ?? congressDefaults.seed;
	return planCongress(options).map((plan, index) => ({
		name: `hack-congress-${plan.year}.xml`,
		xml: congressEdition(plan, index, seed),
	}));
}

/** Writes `congressSchedules(options)` into `folder`; returns the files' paths, oldest first. */
export async function writeCongressCorpus(
	folder: string,
	options: CongressOptions = {},
): Promise<string[]> {
	await mkdir(folder, { recursive: true });
	return Promise.all(
		congressSchedules(options).map(async (schedule) => {
			const file = path.join(folder, schedule.name);
			await writeFile(file, schedule.xml);
			return file;
		}),
	);
}
