// @ts-check
// "Now" and "next" while an event runs, from the reader's clock: the talks under way and the
// next ones to start, read from the schedule's own times. Outside the event's days it stays hidden.
(() => {
	const programme = document.querySelector('[data-programme][data-complete]');
	const box = /** @type {HTMLElement | null} */ (
		programme?.querySelector('[data-now-next]') ?? null
	);
	if (!programme || !box) return;
	const talks = [...programme.querySelectorAll('[data-slot]')].flatMap((slot) => {
		const time = slot.querySelector('time[data-zoned]');
		const link = /** @type {HTMLAnchorElement | null} */ (slot.querySelector('a.talk-link'));
		if (!time || !link) return [];
		const start = Date.parse(time.getAttribute('datetime') ?? '');
		const end = start + Number(/** @type {HTMLElement} */ (time).dataset.duration || 0) * 60_000;
		const where = slot.querySelector('.where')?.textContent ?? '';
		return Number.isNaN(start)
			? []
			: [{ start, end: Math.max(end, start + 60_000), link, time, where }];
	});
	if (!talks.length) return;
	const first = Math.min(...talks.map((talk) => talk.start));
	const last = Math.max(...talks.map((talk) => talk.end));

	/** @param {string} title @param {typeof talks} list */
	const listOf = (title, list) => {
		const section = document.createElement('div');
		const heading = document.createElement('h3');
		heading.textContent = title;
		const items = document.createElement('ul');
		for (const talk of list) {
			const item = document.createElement('li');
			const link = /** @type {HTMLAnchorElement} */ (talk.link.cloneNode(true));
			item.append(`${talk.time.textContent} `, link, talk.where ? ` · ${talk.where}` : '');
			items.append(item);
		}
		section.append(heading, items);
		return section;
	};
	let shown = '';
	const update = () => {
		const now = Date.now();
		// From an hour before the first talk until the last one ends.
		if (now < first - 3_600_000 || now >= last) {
			box.hidden = true;
			return;
		}
		const current = talks.filter((talk) => talk.start <= now && now < talk.end);
		const upcoming = talks.filter((talk) => talk.start > now);
		const nextStart = Math.min(...upcoming.map((talk) => talk.start));
		const next = upcoming.filter((talk) => talk.start === nextStart);
		// Rewritten only when it changes: the box is a live region.
		const key = `${current.map((talk) => talk.link.href).join(' ')}|${next.map((talk) => talk.link.href).join(' ')}`;
		if (key === shown) return;
		shown = key;
		box.replaceChildren(
			...(current.length ? [listOf('Now', current)] : []),
			...(next.length ? [listOf('Next', next)] : []),
		);
		box.hidden = !current.length && !next.length;
		showTodayFirst([...current, ...next][0]);
	};
	// Today's talks come right after: the day under way moves before the other days.
	/** @param {(typeof talks)[number] | undefined} talk */
	const showTodayFirst = (talk) => {
		const today = talk?.link.closest('[data-day]');
		const firstDay = programme.querySelector('[data-day]');
		if (!today || !firstDay || today.hasAttribute('data-today')) return;
		programme.querySelector('[data-today]')?.removeAttribute('data-today');
		today.setAttribute('data-today', '');
		if (today !== firstDay) firstDay.before(today);
	};
	update();
	setInterval(update, 60_000);
})();
