// Loads search into a page of the copy opened from disk, on demand: the inlined index, Pagefind
// and its Component UI as classic scripts (browsers import no modules from `file://`).
(() => {
	const pagefindRoot = new URL('.//', document.currentScript.src).href;
	const addScript = (name) =>
		new Promise((resolve, reject) => {
			const script = Object.assign(document.createElement('script'), {
				src: pagefindRoot + name,
				onload: resolve,
			});
			script.onerror = () => reject(new Error(`${name} could not be loaded`));
			document.head.append(script);
		});
	let loading;
	self.edelweissFileSearch = {
		load: () =>
			(loading ??= (async () => {
				document.head.append(
					Object.assign(document.createElement('link'), {
						rel: 'stylesheet',
						href: `${pagefindRoot}pagefind-component-ui.css`,
					}),
				);
				for (const name of [
					'pagefind-data.js',
					'pagefind-file.js',
					'pagefind-component-ui-file.js',
				])
					await addScript(name);
			})()),
	};
})();
