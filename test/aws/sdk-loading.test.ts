// The SDK costs ~0.5 s to load: only lookup and audit may pay it. Scans the built chunks: what the
// entry, recommend, generate (and the wizard, when built) load statically never contains the SDK.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.ts';

const DIST = join(ROOT, 'dist');
const SDK_MARKER = 'DescribeImagesCommand'; // a string literal in the SDK's command class, kept by minification

const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:\*\s*as\s*[\w$]+\s*|\{[^}]*\}\s*|[\w$]+\s*(?:,\s*\{[^}]*\}\s*)?)?(?:from\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\/[^"']+)["']\s*\)/g;

const read = (file: string) => readFileSync(join(DIST, file), 'utf8');
const imports = (file: string, pattern: RegExp) => [...read(file).matchAll(pattern)].map((m) => m[1]!.slice(2));

/** Every chunk that loads when `file` loads (static imports, transitively). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dep of imports(file, STATIC_IMPORT)) staticClosure(dep, seen);
  return seen;
}

const chunk = (command: string) => readdirSync(DIST).find((f) => new RegExp(`^${command}-[A-Z0-9]+\\.js$`).test(f));

describe('the bundle', () => {
  it.skipIf(!existsSync(join(DIST, 'cli.js')))('recommend, generate and the wizard never load the SDK; audit and lookup do, lazily', () => {
    const entryDynamic = imports('cli.js', DYNAMIC_IMPORT);
    const starts = ['cli.js', ...['recommend', 'generate', 'wizard', 'workshop', 'schema'].map(chunk).filter((f): f is string => !!f)];
    expect(starts).toEqual(expect.arrayContaining([expect.stringMatching(/^recommend-/), expect.stringMatching(/^generate-/)]));
    for (const start of starts) {
      for (const file of staticClosure(start)) expect(read(file), `${file} (loaded with ${start})`).not.toContain(SDK_MARKER);
    }

    // The control: the marker is in the bundle, behind a dynamic import that only audit and lookup reach.
    const sdkChunks = readdirSync(DIST).filter((f) => f.endsWith('.js') && read(f).includes(SDK_MARKER));
    expect(sdkChunks.length).toBeGreaterThan(0);
    for (const command of ['audit', 'lookup']) {
      const file = chunk(command)!;
      expect(entryDynamic).toContain(file);
      const lazilyLoaded = [...staticClosure(file)].flatMap((f) => imports(f, DYNAMIC_IMPORT));
      expect(lazilyLoaded, command).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(sdkChunks.map((c) => c.replace('.', '\\.')).join('|')))]));
      for (const f of staticClosure(file)) expect(read(f), `${f} (static part of ${command})`).not.toContain(SDK_MARKER);
    }
  });
});
