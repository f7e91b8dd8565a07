// The check's Chromium launcher, shared so tests drive the same browser as `npm run check`.
export { launchChromium } from '../../src/lib/check/chromium';
