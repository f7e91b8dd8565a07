import type { Entry } from '#lib/hub/hub-index.ts';
import { entryUrl } from './urls';

/**
 * An entry page's facts (the `<dl class="facts">` under its title) as data, which
 * `Facts.astro` writes: pages list every fact they may show, and one with nothing to say is left
 * out, without a condition and a `<dt>`/`<dd>` pair written for each.
 */

/** A link in a fact; one off the site is opened without a referrer. */
export interface FactLink {
	href: string;
	text: string;
	external?: boolean | undefined;
}

/** A piece of a fact's value, in reading order. */
export type FactPart =
	| string
	| FactLink
	/** A calendar date, written as pages write dates (`<time>`). */
	| { date: string }
	/** An aside in the value, in a quieter colour. */
	| { muted: string }
	/** Markup a component renders, passed to `Facts` in the slot of this name. */
	| { slot: string };

export interface Fact {
	label: string;
	parts: readonly FactPart[];
}

/** A value or nothing, as `a && b` in a page gives it. */
type Maybe<T> = T | undefined | null | false | '';
/** A fact, or nothing where a page's condition did not hold: `Facts` takes either. */
export type MaybeFact = Maybe<Fact>;

/** A fact of plain text; left out without text. */
export const textFact = (label: string, text: Maybe<string>): Fact | undefined =>
	text ? { label, parts: [text] } : undefined;

/** A fact that is a date; left out without one. */
export const dateFact = (label: string, date: Maybe<string>): Fact | undefined =>
	date ? { label, parts: [{ date }] } : undefined;

/** Links joined as a sentence lists them: `a`, `a and b`, `a, b and c` (or `lastSeparator` before the last). */
export function joinedLinks(links: readonly FactLink[], lastSeparator = ' and '): FactPart[] {
	return links.flatMap((link, index) =>
		index === 0 ? [link] : [index === links.length - 1 ? lastSeparator : ', ', link],
	);
}

/** A fact of links; left out without any. */
export const linksFact = (
	label: string,
	links: readonly FactLink[],
	lastSeparator?: string,
): Fact | undefined =>
	links.length ? { label, parts: joinedLinks(links, lastSeparator) } : undefined;

/** Another site, linked by its host name: `https://example.org/x` → `example.org`. */
export const siteLink = (url: string): FactLink => ({
	href: url,
	text: new URL(url).hostname,
	external: true,
});

/** The facts that say something, in order. */
export const shownFacts = (facts: readonly Maybe<Fact>[]): Fact[] =>
	facts.filter((fact): fact is Fact => Boolean(fact && fact.parts.length));

/** The names of the slots the facts take markup from. */
export const factSlots = (facts: readonly Fact[]) =>
	facts.flatMap((fact) =>
		fact.parts.flatMap((part) => (typeof part === 'object' && 'slot' in part ? [part.slot] : [])),
	);

/** An entry of the hub, linked by its title or name. */
export const entryLink = (entry: Entry): FactLink => ({
	href: entryUrl(entry.collection, entry.id),
	text: 'title' in entry.data ? entry.data.title : entry.data.name,
});
