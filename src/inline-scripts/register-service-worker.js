// Registers the service worker that keeps read pages for offline reading (see /offline/).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
	navigator.serviceWorker.register(document.currentScript.dataset.serviceWorker);
}

