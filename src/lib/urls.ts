import type { CollectionName } from './collections';

/** Prefixes a site path with Astro's `base`, so the hub also works under `/project/` on GitLab Pages. */
export function withBase(path: string, base: string = import.meta.env?.BASE_URL ?? '/'): string {
	return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

export const collectionUrl = (collection: CollectionName) => withBase(`/${collection}/`);
export const entryUrl = (collection: CollectionName, id: string) => withBase(`/${collection}/${id}/`);
export const tagUrl = (tag: string) => withBase(`/tags/${tag}/`);

/** Where a content file is edited in the repository: `editBaseUrl` + its path from the project root. */
export function editUrl(filePath: string, editBaseUrl: string): string {
	return `${editBaseUrl.replace(/\/?$/, '/')}${filePath.replace(/^\.?\//, '').split('\\').join('/')}`;
}

/** The URL path a built file is served at: `talks/x/index.html` → `/talks/x/`. */
export function urlPathOf(file: string, base = '/'): string {
	const path = file.split('\\').join('/').replace(/(^|\/)index\.html$/, '$1');
	return `${base.replace(/\/$/, '')}/${path}`;
}
