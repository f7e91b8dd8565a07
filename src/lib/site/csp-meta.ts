const charsetMeta = /<meta charset=["']?utf-8["']?\s*\/?>/i;
const cspMeta = /<meta http-equiv="content-security-policy" content="[^"]*"\s*\/?>/i;

/**
 * Moves the CSP `<meta>` Astro writes near the end of `<head>` to right after `charset`: a meta
 * policy governs only what follows it, so the inline scripts and JSON-LD before it escaped it.
 */
export function cspMetaFirst(html: string): string {
	const policy = html.match(cspMeta)?.[0];
	const charset = html.match(charsetMeta)?.[0];
	if (!policy || !charset) return html;
	return html.replace(policy, '').replace(charset, () => `${charset}${policy}`);
}
