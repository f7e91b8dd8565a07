/**
 * The components MDX authors may use without importing them, and the only attributes each
 * accepts: a list of allowed values, or `text` for any text (rendered escaped). The checker
 * names a misspelt component and refuses any other attribute at its line (`set:html`, `slot`,
 * `class:list`, `is:raw` would hand content raw HTML or the site's own markup); the sanitiser
 * drops them at render. Each component's `Props` are derived from here.
 */
export const mdxComponentAttributes = {
	Aside: { type: ['note', 'tip', 'caution'], title: 'text' },
	TalkCard: { id: 'text' },
} as const satisfies Record<string, Record<string, 'text' | readonly string[]>>;

export type MdxComponentName = keyof typeof mdxComponentAttributes;
export const mdxComponentNames = Object.keys(mdxComponentAttributes) as MdxComponentName[];
export const isMdxComponentName = (name: string): name is MdxComponentName =>
	Object.hasOwn(mdxComponentAttributes, name);

/** The props an author may give component `C`, as its `.astro` file declares them. */
export type MdxComponentProps<C extends MdxComponentName> = {
	[
		A in keyof (typeof mdxComponentAttributes)[C]
	]?: (typeof mdxComponentAttributes)[C][A] extends readonly (infer V)[] ? V : string;
};

/**
 * Why `name="value"` is refused on component `component`, or undefined when it is accepted.
 * `value` is null for a bare attribute (`<Aside title>`).
 */
export function refusedAttribute(
	component: MdxComponentName,
	name: string,
	value: string | null,
): string | undefined {
	const accepted: Readonly<Record<string, 'text' | readonly string[]>> =
		mdxComponentAttributes[component];
	const names = Object.keys(accepted);
	const rule = Object.hasOwn(accepted, name) ? accepted[name] : undefined;
	if (!rule)
		return `<${component}> does not accept ${name}: it accepts only ${names.join(' and ')}`;
	if (value === null) return `${name} on <${component}> needs a value`;
	if (rule !== 'text' && !rule.includes(value))
		return `${name}="${value}" on <${component}>: expected ${rule.map((allowed) => `"${allowed}"`).join(', ')}`;
	return undefined;
}
