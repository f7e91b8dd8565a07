// @ts-check
// The aside's table of contents follows the reader: the section at the top of the screen is marked current.
(() => {
	const toc = /** @type {HTMLElement} */ (document.currentScript?.closest('[data-toc]'));
	if (!toc || !('IntersectionObserver' in window)) return;
	const links = [...toc.querySelectorAll('a[href^="#"]')].map(
		(link) => /** @type {HTMLAnchorElement} */ (link),
	);
	const headings = links.flatMap((link) => {
		const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
		return heading ? [{ link, heading }] : [];
	});
	const [firstHeading] = headings;
	if (!firstHeading) return;
	const mark = () => {
		// The last heading above the upper third of the screen is the one being read.
		const line = window.innerHeight / 3;
		let current = firstHeading;
		for (const entry of headings)
			if (entry.heading.getBoundingClientRect().top <= line) current = entry;
		for (const { link } of headings) {
			if (link === current.link) link.setAttribute('aria-current', 'true');
			else link.removeAttribute('aria-current');
		}
	};
	const observer = new IntersectionObserver(mark, { rootMargin: '0px 0px -66% 0px' });
	for (const { heading } of headings) observer.observe(heading);
	mark();
})();
