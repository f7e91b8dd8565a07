// @ts-check
// The timetable's toggle between the event's time zone and the reader's.
(() => {
	const button = /** @type {HTMLButtonElement | null} */ (document.querySelector('[data-zone-toggle]'));
	if (!button) return;
	const eventZone = /** @type {string} */ (button.dataset.eventZone);
	const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (!localZone || localZone === eventZone) return;
	const label = /** @type {HTMLElement} */ (document.querySelector('[data-zone-name]'));
	const times = [.../** @type {NodeListOf<HTMLTimeElement>} */ (document.querySelectorAll('time[data-zoned]'))];
	/** @param {Date} date @param {string} zone */
	const clock = (date, zone) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(date);
	/** @param {Date} date @param {string} zone */
	const dayOf = (date, zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(date);
	/** @param {Date} date @param {string} zone */
	const weekday = (date, zone) => new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: zone }).format(date);
	/** @param {HTMLTimeElement} time @param {string} zone */
	const render = (time, zone) => {
		const start = new Date(time.dateTime);
		const minutes = Number(time.dataset.duration);
		const range = minutes ? `${clock(start, zone)}–${clock(new Date(start.getTime() + minutes * 60000), zone)}` : clock(start, zone);
		// A talk that moves to another date in the reader's zone says which.
		return dayOf(start, zone) === dayOf(start, eventZone) ? range : `${weekday(start, zone)} ${range}`;
	};
	let local = false;
	button.hidden = false;
	button.addEventListener('click', () => {
		local = !local;
		const zone = local ? localZone : eventZone;
		for (const time of times) time.textContent = render(time, zone);
		label.textContent = zone;
		button.setAttribute('aria-pressed', String(local));
	});
})();
