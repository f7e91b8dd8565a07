// @ts-check
// Click-to-load: the third-party player is created only after the reader asks for it.
for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (
	document.querySelectorAll('.load-player')
)) {
	button.hidden = false;
	button.addEventListener('click', () => {
		const player = /** @type {HTMLElement} */ (button.closest('.player'));
		const frame = document.createElement('iframe');
		frame.src = /** @type {string} */ (player.dataset.embedUrl);
		frame.title = /** @type {string} */ (player.dataset.title);
		frame.allow = 'autoplay; fullscreen; picture-in-picture';
		frame.allowFullscreen = true;
		frame.referrerPolicy = 'no-referrer';
		/** @type {Element} */ (player.querySelector('.facade')).replaceWith(frame);
		frame.focus();
	});
}
