import { gunzipSync, gzipSync } from 'node:zlib';

const signature = 'pagefind_dcd';

/** `/talks/x/#a` → `/talks/x/index.html#a`: a result URL a browser can open from disk. */
export const diskPageUrl = (url: string) => url.replace(/^([^?#]*\/)([?#].*)?$/, '$1index.html$2');

interface Fragment {
	url: string;
	sub_results?: { url: string }[];
}

/**
 * Rewrites the page URLs inside one Pagefind fragment (gzip of `pagefind_dcd` + JSON) for a
 * copy read from disk. Fails loudly on a format it does not know rather than ship a broken index.
 */
export function diskFragment(bytes: Uint8Array, name: string): Buffer {
	const text = gunzipSync(bytes).toString('utf8');
	if (!text.startsWith(signature))
		throw new Error(
			`${name} is not a Pagefind fragment this bundler knows (no ${signature} header)`,
		);
	const fragment = JSON.parse(text.slice(signature.length)) as Fragment;
	fragment.url = diskPageUrl(fragment.url);
	for (const sub of fragment.sub_results ?? []) sub.url = diskPageUrl(sub.url);
	return gzipSync(signature + JSON.stringify(fragment));
}

/** Pagefind's index files, by name under `pagefind/`, as a classic script that `pagefind-classic.js` reads. */
export function pagefindDataScript(files: ReadonlyMap<string, Uint8Array>): string {
	const entries = [...files].map(
		([name, bytes]) => `${JSON.stringify(name)}:"${Buffer.from(bytes).toString('base64')}"`,
	);
	return `self.edelweissPagefindFiles={${entries.join(',\n')}};\n`;
}
