import { describe, expect, it } from 'vitest';
import { isPlainDate, isTimeZone, plainDate, tag } from '../../../src/schemas/common';
import { schemas } from '../../../src/schemas';
import { referenceById } from '../../../src/lib/validation/reference-by-id';

const talkSchema = schemas.talks(referenceById);
const eventSchema = schemas.events(referenceById);

describe('plain dates', () => {
	it('accepts real calendar dates and YAML Date values', () => {
		expect(isPlainDate('2020-02-29')).toBe(true);
		expect(plainDate.parse(new Date('2021-05-18T00:00:00Z'))).toBe('2021-05-18');
	});
	it('rejects impossible dates and other formats', () => {
		for (const value of ['2021-13-01', '2021-02-30', '2021-5-1', '18/05/2021']) expect(isPlainDate(value)).toBe(false);
		const result = plainDate.safeParse('2021-13-01');
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.message).toContain('YYYY-MM-DD');
	});
});

describe('time zones', () => {
	it('knows IANA names and rejects misspellings and abbreviations', () => {
		expect(isTimeZone('Europe/Brussels')).toBe(true);
		expect(isTimeZone('UTC')).toBe(true);
		expect(isTimeZone('Europe/Brusels')).toBe(false);
		expect(isTimeZone('CET')).toBe(false);
	});
});

describe('tags', () => {
	it('keeps one lower-case spelling', () => {
		expect(tag.safeParse('build-infrastructure').success).toBe(true);
		expect(tag.safeParse('s390x').success).toBe(true);
		expect(tag.safeParse('Containers').success).toBe(false);
		expect(tag.safeParse('bare metal').success).toBe(false);
	});
});

describe('talk schema', () => {
	it('turns references into collection/id pairs and fills defaults', () => {
		const talk = talkSchema.parse({ title: 'Podman', event: 'fosdem-2020', speakers: ['sascha-grunert'] });
		expect(talk.event).toEqual({ collection: 'events', id: 'fosdem-2020' });
		expect(talk.speakers).toEqual([{ collection: 'people', id: 'sascha-grunert' }]);
		expect(talk.kind).toBe('talk');
		expect(talk.tags).toEqual([]);
	});
	it('requires a day for a start time and rejects bad times and kinds', () => {
		const result = talkSchema.safeParse({ title: 'x', event: 'e', start: '25:00', kind: 'sermon' });
		const paths = result.error?.issues.map((issue) => issue.path.join('.'));
		expect(paths).toEqual(expect.arrayContaining(['start', 'kind']));
		const noDay = talkSchema.safeParse({ title: 'x', event: 'e', start: '10:00' });
		expect(noDay.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['day']);
	});
});

describe('event schema', () => {
	it('needs dates unless merely announced', () => {
		expect(eventSchema.safeParse({ title: 'AlpineConf 2022', status: 'announced', month: '2022-05' }).success).toBe(true);
		const held = eventSchema.safeParse({ title: 'FOSDEM 2020' });
		expect(held.error?.issues[0]?.path).toEqual(['start']);
	});
	it('rejects an end before the start', () => {
		const result = eventSchema.safeParse({ title: 'x', start: '2020-02-02', end: '2020-02-01' });
		expect(result.error?.issues[0]?.path).toEqual(['end']);
	});
});
