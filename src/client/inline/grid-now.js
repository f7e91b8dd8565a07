// @ts-check
// The room × time grid's now-line: during the event, a line across the day's grid at the
// reader's current time, moved every minute. Outside the day's hours nothing shows.
(() => {
	const rowMinutes = 5;
	const grids = /** @type {NodeListOf<HTMLElement>} */ (
		document.querySelectorAll('[data-grid-start]')
	);
	const update = () => {
		const now = Date.now();
		for (const grid of grids) {
			const line = /** @type {HTMLElement | null} */ (grid.querySelector('[data-now-line]'));
			const rows = [
				.../** @type {NodeListOf<HTMLTableRowElement>} */ (grid.querySelectorAll('tbody tr')),
			];
			const start = Date.parse(grid.dataset.gridStart ?? '');
			if (!line || !rows.length || Number.isNaN(start)) continue;
			const minutes = (now - start) / 60_000;
			const index = Math.floor(minutes / rowMinutes);
			const row = rows[index];
			line.hidden = !row || minutes < 0;
			if (!row) continue;
			const top =
				row.getBoundingClientRect().top -
				grid.getBoundingClientRect().top +
				((minutes % rowMinutes) / rowMinutes) * row.offsetHeight;
			line.style.top = `${top}px`;
			line.style.width = `${row.offsetWidth}px`;
		}
	};
	update();
	setInterval(update, 60_000);
})();
