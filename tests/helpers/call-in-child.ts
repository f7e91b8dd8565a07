/**
 * `tsx call-in-child.ts <module> <function> <arguments.json> <result.json>`: the child side of
 * `inChildProcess` (in-child-process.ts). Calls the module's function with the arguments, awaits
 * it and writes what it returned as JSON; a throw ends the process with the error's stack.
 */
import { readFile, writeFile } from 'node:fs/promises';

const [specifier, name, input, output] = process.argv.slice(2) as [string, string, string, string];
const module = (await import(specifier)) as Record<string, (...args: unknown[]) => unknown>;
const result = await module[name]!(...(JSON.parse(await readFile(input, 'utf8')) as unknown[]));
await writeFile(output, JSON.stringify(result ?? null));
