// Click-to-load: the third-party player is created only after the reader asks for it.
for (const button of document.querySelectorAll('.load-player')) {
	button.hidden = false;
	button.addEventListener('click', () => {
		const player = button.closest('.player');
		const frame = document.createElement('iframe');
		frame.src = player.dataset.embedUrl;
		frame.title = player.dataset.title;
		frame.allow = 'autoplay; fullscreen; picture-in-picture';
		frame.allowFullscreen = true;
		frame.referrerPolicy = 'no-referrer';
		player.querySelector('.facade').replaceWith(frame);
		frame.focus();
	});
}

