// @ts-check
// Stars on a schedule's talks and on a talk's page: a starred talk joins "My schedule", kept in this browser only
// (localStorage `edelweiss-my-schedule`, read by /my-schedule/). Nothing is sent anywhere.
(() => {
	const key = 'edelweiss-my-schedule';
	/** @returns {Record<string, Record<string, string>>} */
	const load = () => {
		try {
			return JSON.parse(localStorage.getItem(key) ?? '{}').talks ?? {};
		} catch {
			return {};
		}
	};
	/** @param {Record<string, Record<string, string>>} talks */
	const save = (talks) => {
		try {
			localStorage.setItem(key, JSON.stringify({ talks }));
			return true;
		} catch {
			return false;
		}
	};
	/**
	 * What My schedule keeps of a starred talk. A schedule's row says it (`[data-slot]` in a
	 * `[data-programme]`); a talk's own page writes it on its button (`data-title`, `data-when`…).
	 * @param {HTMLButtonElement} button
	 * @returns {Record<string, string>}
	 */
	const talkOf = (button) => {
		const uid = button.dataset.uid ?? '';
		if (button.dataset.title) {
			const {
				title = '',
				url = '',
				start = '',
				when = '',
				where = '',
				event = '',
				calendar = '',
			} = button.dataset;
			return {
				uid,
				title,
				url: new URL(url, location.href).href,
				start,
				when,
				where,
				event,
				calendar,
			};
		}
		const programme = /** @type {HTMLElement} */ (button.closest('[data-programme]'));
		const slot = /** @type {HTMLElement} */ (button.closest('[data-slot]'));
		const link = /** @type {HTMLAnchorElement} */ (slot.querySelector('a.talk-link'));
		const time = slot.querySelector('time[data-zoned]');
		const day = slot.closest('[data-day]')?.querySelector('h3')?.textContent ?? '';
		return {
			uid,
			title: link.textContent?.trim() ?? '',
			url: link.href,
			start: time?.getAttribute('datetime') ?? '',
			// As the schedule shows it, in the event's own zone.
			when: `${day}, ${time?.textContent ?? ''}`,
			where: slot.querySelector('.where')?.textContent ?? '',
			event: programme.dataset.eventTitle ?? '',
			calendar: programme.dataset.calendar ?? '',
		};
	};
	for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (
		document.querySelectorAll('button[data-star]')
	)) {
		const uid = button.dataset.uid ?? button.closest('[data-slot]')?.getAttribute('data-uid') ?? '';
		button.dataset.uid = uid;
		const show = (/** @type {boolean} */ starred) => {
			button.setAttribute('aria-pressed', String(starred));
			if (button.firstElementChild) button.firstElementChild.textContent = starred ? '★' : '☆';
		};
		show(uid in load());
		button.hidden = false;
		button.addEventListener('click', () => {
			const talks = load();
			if (uid in talks) delete talks[uid];
			else talks[uid] = talkOf(button);
			if (save(talks)) show(uid in talks);
		});
	}
	for (const link of /** @type {NodeListOf<HTMLElement>} */ (
		document.querySelectorAll('[data-my-schedule-link]')
	))
		link.hidden = false;
})();
