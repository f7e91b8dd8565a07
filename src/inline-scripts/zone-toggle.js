// The timetable's toggle between the event's time zone and the reader's.
(() => {
	const button = document.querySelector('[data-zone-toggle]');
	if (!button) return;
	const eventZone = button.dataset.eventZone;
	const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (!localZone || localZone === eventZone) return;
	const label = document.querySelector('[data-zone-name]');
	const times = [...document.querySelectorAll('time[data-zoned]')];
	const clock = (date, zone) =>
		new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(date);
	const dayOf = (date, zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(date);
	const weekday = (date, zone) => new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: zone }).format(date);
	const render = (time, zone) => {
		const start = new Date(time.getAttribute('datetime'));
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
