/**
 * `tsx chromium-server.ts`: a Playwright browser server for a test worker (`workerChromium` in
 * chromium.ts). Prints its WebSocket endpoint on the first line, and ends with its stdin: the
 * worker that started it holds the other end, so the browser lives exactly as long as the worker.
 */
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '#tools/chromium.ts';

const server = await chromium.launchServer(chromiumLaunchOptions());
process.stdout.write(`${server.wsEndpoint()}\n`);
process.stdin.on('close', () => void server.close().finally(() => process.exit(0)));
process.stdin.resume();
