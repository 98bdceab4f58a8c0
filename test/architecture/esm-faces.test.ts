// The build's faces (scripts/esm-faces.mjs), on made-up dependencies: what a dependency's import of a
// CommonJS module costs when the bundle loads, counted as esbuild's copies of its exports in the output.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { esmFaces, importsWholeOnly } from '../../scripts/esm-faces.mjs';

const root = mkdtempSync(join(tmpdir(), 'esm-faces-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Bundles `entry` (the project's own file) importing made-up dependencies, as scripts/build.mjs does. */
async function bundle(dependencies: Record<string, string>, entry: string) {
  for (const [name, source] of Object.entries(dependencies)) {
    mkdirSync(join(root, 'node_modules', name), { recursive: true });
    writeFileSync(join(root, 'node_modules', name, 'package.json'), '{"type":"module","main":"index.js"}');
    writeFileSync(join(root, 'node_modules', name, 'index.js'), source);
  }
  writeFileSync(join(root, 'entry.js'), entry);
  const result = await build({
    entryPoints: [join(root, 'entry.js')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    // As scripts/build.mjs: an import() is a require() once it runs.
    supported: { 'dynamic-import': false },
    plugins: [esmFaces(process.cwd())],
  });
  const text = result.outputFiles?.[0]?.text;
  // No output would count no copies: an empty bundle must not pass for one that copies nothing.
  if (text === undefined) throw new Error(`esbuild gave no output: ${JSON.stringify(result.errors)}`);
  // What the bundle's modules export, once loaded.
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', text)(module, module.exports, require);
  return { text, exports: module.exports };
}

// A copy: esbuild's helper called on a module's exports (its definitions, once per bundle, are not).
const copies = (text: string) =>
  [...text.matchAll(/(__toESM|__reExport)\([^()]*require(_[\w$]+)?\(/g)].map((m) => m[1]);

describe("a dependency's import of one of Node's modules", () => {
  it('whole (its default) makes no copy of its exports, however many import it', async () => {
    const { text, exports } = await bundle(
      {
        'dep-a':
          "import fs from 'node:fs';\nimport process from 'node:process';\nexport const a = () => [fs, process];\n",
        'dep-b':
          "import fs from 'fs';\nimport os from 'node:os';\nimport tty from\"node:tty\";\nexport const b = () => [fs, os, tty];\n",
      },
      "export { a } from 'dep-a';\nexport { b } from 'dep-b';\n",
    );
    expect(copies(text)).toEqual([]);
    const [fs, process] = (exports.a as () => unknown[])();
    const [fs2, os, tty] = (exports.b as () => unknown[])();
    expect(fs).toBe(require('node:fs'));
    expect(fs2).toBe(require('node:fs'));
    expect(process).toBe(globalThis.process);
    expect(os).toBe(require('node:os'));
    expect(tty).toBe(require('node:tty'));
  });

  it('whole, beside a require() or an import() of it, leaves those two as they were', async () => {
    const { text, exports } = await bundle(
      {
        'dep-r':
          "import fs from 'node:fs';\nexport const r = () => [fs, require('node:fs').readFileSync, import('node:fs')];\n",
      },
      "export { r } from 'dep-r';\n",
    );
    const [fs, readFileSync, later] = (exports.r as () => [unknown, unknown, Promise<{ readFileSync: unknown }>])();
    expect(fs).toBe(require('node:fs'));
    expect(readFileSync).toBe(require('node:fs').readFileSync);
    expect((await later).readFileSync).toBe(require('node:fs').readFileSync);
    // The import()'s own, as esbuild makes it; nothing for the whole import.
    expect(copies(text)).toEqual(['__toESM']);
  });

  it('by name makes no copy; together with its default, the copy esbuild makes for that importer', async () => {
    const { text, exports } = await bundle(
      {
        'dep-c': "import { readFileSync } from 'node:fs';\nexport const c = () => readFileSync;\n",
        'dep-d': "import fs, { statSync } from 'node:fs';\nexport const d = () => [fs.statSync, statSync];\n",
      },
      "export { c } from 'dep-c';\nexport { d } from 'dep-d';\n",
    );
    expect(copies(text)).toEqual(['__toESM']);
    expect((exports.c as () => unknown)()).toBe(require('node:fs').readFileSync);
    expect((exports.d as () => unknown[])()).toEqual([require('node:fs').statSync, require('node:fs').statSync]);
  });

  it("from the project's own files stays esbuild's: ours import by name", async () => {
    const { text } = await bundle({}, "import { readFileSync } from 'node:fs';\nexport const own = readFileSync;\n");
    expect(copies(text)).toEqual([]);
  });
});

describe("the face's reading of a dependency's imports", () => {
  it('takes a default alone as whole, in any spelling, and anything else as not', () => {
    const whole = ["import fs from 'node:fs';", 'import fs from"node:fs"', 'import $fs\nfrom\n"node:fs";'];
    for (const source of whole) expect(importsWholeOnly(source, 'node:fs'), source).toBe(true);
    const notWhole = [
      "import { readFileSync } from 'node:fs';",
      "import fs, { statSync } from 'node:fs';",
      "import * as fs from 'node:fs';",
      "export { readFileSync } from 'node:fs';",
      "export * from 'node:fs';",
      "import fs from 'node:fs';\nimport { statSync } from 'node:fs';",
      // No import of it at all, or only for its effects: nothing to face.
      "import 'node:fs';",
      "import fs from 'node:fs/promises';",
    ];
    for (const source of notWhole) expect(importsWholeOnly(source, 'node:fs'), source).toBe(false);
    // The name is matched as written, not as a pattern.
    expect(importsWholeOnly("import x from 'nodeXfs';", 'node.fs')).toBe(false);
  });
});

describe('an import of React', () => {
  it("makes the face's copies of its exports, however many import it", async () => {
    const one = await bundle(
      { 'dep-e': "import React from 'react';\nexport const e = () => React.createElement;\n" },
      "export { e } from 'dep-e';\n",
    );
    const three = await bundle(
      {
        'dep-e': "import React from 'react';\nexport const e = () => React.createElement;\n",
        'dep-f': "import { useState } from 'react';\nexport const f = () => useState;\n",
      },
      "export { e } from 'dep-e';\nexport { f } from 'dep-f';\nimport React from 'react';\nexport const g = React;\n",
    );
    expect(copies(one.text).length).toBeGreaterThan(0);
    expect(copies(three.text)).toEqual(copies(one.text));
    expect(typeof (three.exports.f as () => unknown)()).toBe('function');
  });
});
