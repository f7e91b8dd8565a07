import { loadHub } from '#lib/hub/hub.ts';
import { offlineEditions } from '#lib/site/offline-units.ts';

/** The editions and their talks, from which the offline step sorts built files into units (tools/build/offline-step.ts). */
export async function GET() {
	return new Response(JSON.stringify(offlineEditions(await loadHub())), {
		headers: { 'content-type': 'application/json' },
	});
}
