// The search form of a copy of the hub opened from disk, over `pagefind-classic.js`.
(() => {
	const form = document.querySelector('[data-file-search]');
	const input = form.querySelector('input');
	const status = document.querySelector('[data-file-search-status]');
	const list = document.querySelector('[data-file-search-results]');
	const show = async (term) => {
		const pagefind = await self.edelweissPagefind;
		const search = await pagefind.search(term);
		const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
		list.replaceChildren(
			...results.map((result) => {
				const item = document.createElement('li');
				const link = Object.assign(document.createElement('a'), { href: result.url, textContent: result.meta.title ?? result.url });
				const excerpt = document.createElement('p');
				// Pagefind's excerpt marks the matches with <mark>; nothing else in it is markup.
				excerpt.innerHTML = result.excerpt;
				item.append(link, excerpt);
				return item;
			}),
		);
		status.textContent = `${search.results.length} ${search.results.length === 1 ? 'result' : 'results'} for “${term}”.`;
	};
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const term = input.value.trim();
		if (term) show(term).catch((error) => (status.textContent = `Search failed: ${error.message}`));
	});
})();
