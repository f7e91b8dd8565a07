// @ts-check
// Stars on a schedule's talks: a starred talk joins "My schedule", kept in this browser only
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
	for (const programme of document.querySelectorAll('[data-programme]')) {
		const calendar = /** @type {HTMLElement} */ (programme).dataset.calendar ?? '';
		const eventTitle = /** @type {HTMLElement} */ (programme).dataset.eventTitle ?? '';
		for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (programme.querySelectorAll('button[data-star]'))) {
			const slot = /** @type {HTMLElement} */ (button.closest('[data-slot]'));
			const uid = slot.dataset.uid ?? '';
			const link = /** @type {HTMLAnchorElement} */ (slot.querySelector('a.talk-link'));
			const time = slot.querySelector('time[data-zoned]');
			const day = slot.closest('[data-day]')?.querySelector('h3')?.textContent ?? '';
			const show = (/** @type {boolean} */ starred) => {
				button.setAttribute('aria-pressed', String(starred));
				if (button.firstElementChild) button.firstElementChild.textContent = starred ? '★' : '☆';
			};
			show(uid in load());
			button.hidden = false;
			button.addEventListener('click', () => {
				const talks = load();
				if (uid in talks) delete talks[uid];
				else
					talks[uid] = {
						uid,
						title: link.textContent?.trim() ?? '',
						url: link.href,
						start: time?.getAttribute('datetime') ?? '',
						// As the schedule shows it, in the event's own zone.
						when: `${day}, ${time?.textContent ?? ''}`,
						where: slot.querySelector('.where')?.textContent ?? '',
						event: eventTitle,
						calendar,
					};
				if (save(talks)) show(uid in talks);
			});
		}
	}
	for (const link of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-my-schedule-link]'))) link.hidden = false;
})();
