import { describe, expect, it } from 'vitest';
import { recordingStatusLabels, talkKindLabels } from '../../src/lib/labels';
import { recordingStatuses, talkKinds } from '../../src/schemas/talk';

describe('labels', () => {
	it('name every talk kind and recording status of the schema, each differently', () => {
		expect(Object.keys(talkKindLabels).sort()).toEqual([...talkKinds].sort());
		expect(new Set(Object.values(talkKindLabels)).size).toBe(talkKinds.length);
		expect(Object.keys(recordingStatusLabels).sort()).toEqual([...recordingStatuses].sort());
		expect(new Set(Object.values(recordingStatusLabels)).size).toBe(recordingStatuses.length);
	});
});
