// Reading the built bundle (dist/): which chunks load statically with which, and a command's chunk.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const STATIC_IMPORT =
  /(?:\bimport|\bexport)\s*(?:\*\s*as\s*[\w$]+\s*|\{[^}]*\}\s*|[\w$]+\s*(?:,\s*\{[^}]*\}\s*)?)?(?:from\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\/[^"']+)["']\s*\)/g;

export const readChunk = (file: string): string => readFileSync(join(DIST, file), 'utf8');
const importsOf = (file: string, pattern: RegExp) => [...readChunk(file).matchAll(pattern)].map((m) => m[1]!.slice(2));
export const staticImports = (file: string): string[] => importsOf(file, STATIC_IMPORT);
export const dynamicImports = (file: string): string[] => importsOf(file, DYNAMIC_IMPORT);

/** Every chunk that loads when `file` loads (static imports, transitively). */
export function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dep of staticImports(file)) staticClosure(dep, seen);
  return seen;
}

/**
 * Every chunk that loads before any command's own: the entry (dist/cli.js) and cli-main, which the
 * entry imports at once after turning the compile cache on (source/cli.ts).
 */
export function startClosure(): Set<string> {
  const main = chunk('cli-main');
  if (!main || !dynamicImports('cli.js').includes(main))
    throw new Error('dist/cli.js does not import a cli-main chunk: the start-up checks would see too little');
  return new Set([...staticClosure('cli.js'), ...staticClosure(main)]);
}

/** The chunk of a lazily loaded module, e.g. chunk('recommend') -> recommend-AB12CD34.js. */
export const chunk = (name: string): string | undefined =>
  readdirSync(DIST).find((f) => new RegExp(`^${name}-[A-Z0-9]+\\.js$`).test(f));
