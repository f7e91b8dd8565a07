// @ts-check
// On an event's page, the track and room links filter the schedule in place, at once; the
// address follows (the same URL is a page of its own for readers without scripts), and Back undoes.
(() => {
	const programme = /** @type {HTMLElement | null} */ (
		document.querySelector('[data-programme][data-complete]')
	);
	if (!programme) return;
	const eventUrl = location.pathname;
	const links = /** @type {HTMLAnchorElement[]} */ ([
		...programme.querySelectorAll('a[data-filter-link]'),
	]);
	const slots = /** @type {HTMLElement[]} */ ([...programme.querySelectorAll('[data-slot]')]);
	const days = /** @type {HTMLElement[]} */ ([...programme.querySelectorAll('[data-day]')]);

	/** @param {{ kind: string, value: string } | null} filter */
	const apply = (filter) => {
		for (const slot of slots)
			slot.hidden = filter !== null && slot.dataset[filter.kind] !== filter.value;
		for (const day of days) day.hidden = !day.querySelector('[data-slot]:not([hidden])');
		for (const link of links) {
			const kind = link.dataset.filterKind;
			const current = filter?.value
				? kind === filter.kind && link.dataset.filterValue === filter.value
				: link.dataset.filterValue === '';
			if (current) link.setAttribute('aria-current', 'page');
			else link.removeAttribute('aria-current');
		}
	};
	const filterOf = (/** @type {string} */ path) => {
		const link = links.find((candidate) => new URL(candidate.href).pathname === path);
		return link?.dataset.filterValue
			? { kind: link.dataset.filterKind ?? '', value: link.dataset.filterValue }
			: null;
	};

	for (const link of links) {
		link.addEventListener('click', (event) => {
			if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0)
				return;
			event.preventDefault();
			const filter = link.dataset.filterValue
				? { kind: link.dataset.filterKind ?? '', value: link.dataset.filterValue }
				: null;
			apply(filter);
			history.pushState({ programmeFilter: filter }, '', filter ? link.href : eventUrl);
		});
	}
	addEventListener('popstate', () => apply(filterOf(location.pathname)));
	// A filtered address opened here (Back after a reload) filters too.
	apply(filterOf(location.pathname));
})();
