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
				// Styles first: elements drawn before them show unstyled and move the page (see search-trigger.js).
				const styles = new Promise((resolve, reject) => {
					document.head.append(
						Object.assign(document.createElement('link'), {
							rel: 'stylesheet',
							href: `${pagefindRoot}pagefind-component-ui.css`,
							onload: resolve,
							onerror: () => reject(new Error('pagefind-component-ui.css could not be loaded')),
						}),
					);
				});
				for (const name of ['pagefind-data.js', 'pagefind-file.js']) await addScript(name);
				await styles;
				await addScript('pagefind-component-ui-file.js');
			})()),
	};
})();
