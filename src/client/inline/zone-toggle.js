// @ts-check
// The toggle between the event's time zone and the reader's, on a schedule or a talk's page.
// The choice is kept in this browser (localStorage), so a talk opened from the schedule keeps it.
(() => {
	const key = 'edelweiss-times';
	const button = /** @type {HTMLButtonElement | null} */ (
		document.querySelector('[data-zone-toggle]')
	);
	if (!button) return;
	const eventZone = /** @type {string} */ (button.dataset.eventZone);
	const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (!localZone || localZone === eventZone) return;
	const label = /** @type {HTMLElement} */ (document.querySelector('[data-zone-name]'));
	const times = [
		.../** @type {NodeListOf<HTMLTimeElement>} */ (document.querySelectorAll('time[data-zoned]')),
	];
	/** @param {Date} date @param {string} zone */
	const clock = (date, zone) =>
		new Intl.DateTimeFormat('en-GB', {
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZone: zone,
		}).format(date);
	/** @param {Date} date @param {string} zone */
	const dayOf = (date, zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(date);
	/** @param {Date} date @param {string} zone */
	const weekday = (date, zone) =>
		new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: zone }).format(date);
	/** @param {HTMLTimeElement} time @param {string} zone */
	const render = (time, zone) => {
		const start = new Date(time.dateTime);
		const minutes = Number(time.dataset.duration);
		const range = minutes
			? `${clock(start, zone)}–${clock(new Date(start.getTime() + minutes * 60000), zone)}`
			: clock(start, zone);
		// A talk that moves to another date in the reader's zone says which.
		return dayOf(start, zone) === dayOf(start, eventZone)
			? range
			: `${weekday(start, zone)} ${range}`;
	};
	let local = false;
	const show = (/** @type {boolean} */ inLocalZone) => {
		local = inLocalZone;
		const zone = local ? localZone : eventZone;
		for (const time of times) time.textContent = render(time, zone);
		label.textContent = zone;
		button.setAttribute('aria-pressed', String(local));
	};
	const remembered = () => {
		try {
			return localStorage.getItem(key) === 'local';
		} catch {
			return false;
		}
	};
	button.hidden = false;
	if (remembered()) show(true);
	button.addEventListener('click', () => {
		show(!local);
		try {
			if (local) localStorage.setItem(key, 'local');
			else localStorage.removeItem(key);
		} catch {
			// Storage refused (private mode, quota): the choice lasts for this page only.
		}
	});
})();
