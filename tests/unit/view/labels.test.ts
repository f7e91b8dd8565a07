import { describe, expect, it } from 'vitest';
import { recordingStatusLabels, talkKindLabels } from '#lib/view/labels.ts';
import { recordingStatuses, talkKinds } from '#schemas/talk.ts';

describe('labels', () => {
	it('name every talk kind, and every recording status but unknown (which says nothing), each differently', () => {
		expect(Object.keys(talkKindLabels).sort()).toEqual([...talkKinds].sort());
		expect(new Set(Object.values(talkKindLabels)).size).toBe(talkKinds.length);
		const stated = recordingStatuses.filter((status) => status !== 'unknown');
		expect(Object.keys(recordingStatusLabels).sort()).toEqual([...stated].sort());
		expect(new Set(Object.values(recordingStatusLabels)).size).toBe(stated.length);
	});
});
