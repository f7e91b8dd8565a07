// The check's server, shared so tests serve built sites exactly as `npm run check` does.
export { serveStatic, type StaticServer } from '../../src/lib/check/static-server';
