import { describe, expect, it } from 'vitest';
import { componentUiForDisk } from '#tools/bundle/write-bundle.ts';

describe('componentUiForDisk', () => {
	it('points the Component UI’s one import of pagefind.js at the classic Pagefind', () => {
		const source = 'let s;try{s=await import(`${this.options.bundlePath}pagefind.js`)}catch(t){}';
		expect(componentUiForDisk(source).contents).toBe(
			'let s;try{s=await self.edelweissPagefind}catch(t){}',
		);
	});

	it('refuses a Component UI it does not recognise', () => {
		expect(() => componentUiForDisk('import("./pagefind.js")')).toThrow(
			'pagefind-component-ui.js: expected one',
		);
	});
});
