// @ts-check
// A "Copy" button on each code block of a note: the code as it reads, without the lines a diff
// removes. Without JavaScript, or without a clipboard, there is no button and the code selects as text.
(() => {
	if (!navigator.clipboard) return;
	for (const pre of /** @type {NodeListOf<HTMLPreElement>} */ (
		document.querySelectorAll('pre.astro-code')
	)) {
		const button = Object.assign(document.createElement('button'), {
			type: 'button',
			className: 'code-copy no-print',
			textContent: 'Copy',
		});
		const lines = [...pre.querySelectorAll('.line')];
		button.addEventListener('click', async () => {
			const text = lines.length
				? lines
						.filter((line) => !line.classList.contains('remove'))
						.map((line) => line.textContent)
						.join('\n')
				: (pre.textContent ?? '');
			try {
				await navigator.clipboard.writeText(text);
				button.textContent = 'Copied';
			} catch {
				button.textContent = 'Copy failed';
			}
			setTimeout(() => (button.textContent = 'Copy'), 2000);
		});
		// A titled block is a figure; a plain one gets a wrapper, so the button does not scroll with the code.
		let frame = pre.parentElement;
		if (!frame?.matches('figure.code-block')) {
			frame = Object.assign(document.createElement('div'), { className: 'code-block' });
			pre.before(frame);
			frame.append(pre);
		}
		frame.prepend(button);
	}
})();
