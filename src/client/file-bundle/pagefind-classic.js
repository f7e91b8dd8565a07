// Pagefind for a copy of the hub opened from disk, as a classic script: browsers neither import
// modules nor fetch files from `file://`. The bundle step inlines the index into
// `pagefind-data.js` (loaded first) and bundles Pagefind's own `pagefind.js` in here.
// `self.edelweissPagefind` is a promise of the Pagefind module, as `import()` would give.
import * as pagefind from 'pagefind-module';

const files = self.edelweissPagefindFiles ?? {};
const bundleRoot = new URL('../../', document.currentScript.src);
const pagefindRoot = new URL('pagefind/', bundleRoot).href;

const decode = (base64) => Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
const browserFetch = self.fetch.bind(self);
// Pagefind fetches its index with `fetch`: answer those requests from the inlined files.
self.fetch = async (input, init) => {
	const url = new URL(input instanceof Request ? input.url : String(input), location.href);
	if (!url.href.startsWith(pagefindRoot)) return browserFetch(input, init);
	const name = decodeURIComponent(url.pathname.slice(new URL(pagefindRoot).pathname.length));
	return name in files ? new Response(decode(files[name])) : new Response(null, { status: 404 });
};

// Result URLs were rewritten to `/talks/x/index.html` by the bundle step; prefixing the
// bundle's own path on disk makes them open the right file.
// Whatever a search UI asks for, the index and the result links stay on disk.
const onDisk = { basePath: pagefindRoot, baseUrl: bundleRoot.pathname, noWorker: true };
const options = (requested) => pagefind.options({ ...requested, ...onDisk });
// Every edition's index is on disk: an instance searches them all, merged before its first
// search (docs/search.md); what a page asks to merge is already there.
const editions = files['editions.json']
	? JSON.parse(new TextDecoder().decode(decode(files['editions.json']))).editions
	: [];
// Pagefind's Component UI makes its own instances.
const createInstance = (requested) => {
	const instance = pagefind.createInstance({ ...requested, ...onDisk });
	const merged = Promise.all(
		editions.map((edition) =>
			instance.mergeIndex(pagefindRoot + edition.path, { baseUrl: onDisk.baseUrl }),
		),
	);
	return {
		...instance,
		mergeIndex: async () => merged,
		filters: async () => (await merged, instance.filters()),
		search: async (...query) => (await merged, instance.search(...query)),
	};
};
self.edelweissPagefind = options({}).then(() => ({ ...pagefind, options, createInstance }));
