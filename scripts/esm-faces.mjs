// One ES module face for each CommonJS module that many ES modules import. An ES module's import of
// a CommonJS one gets, from esbuild, a copy of its exports made when the importer loads (__toESM: a
// getter defined per export, per importer). React's forty exports were copied 35 times, its JSX
// runtime's 16, and Node's process object (85 properties, for Ink's dependencies' `import process
// from 'node:process'`) 13: 3 to 5 ms of copying before the wizard read a key. Through the face,
// one copy is made and every importer shares it. Our own files' faces are scripts/bundle-files.mjs's.
// Node's own modules need no copy at all: a dependency importing one whole (`import fs from
// 'node:fs'`, its default and nothing else) gets a face that is the module itself, and one importing
// it by name gets esbuild's plain require(), which copies nothing either. A file doing both, or
// importing it as a namespace, still gets esbuild's copy (the face holds no names to give).
// Used by scripts/build.mjs for the CLI and by scripts/bench.mjs for the bare Ink floor.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

/** Imported through a face by every module. */
export const FACED_PACKAGES = ['react', 'react/jsx-runtime'];

const NAMESPACE = 'esm-face';
const escaped = (names) => names.map((name) => name.replace(/[/:]/g, '\\$&')).join('|');
const inDependency = (importer) => importer.split(/[\\/]/).includes('node_modules');

/** Node's modules, as a dependency may name them: `fs` and `node:fs`. */
const BUILTINS = new Set(
  builtinModules.flatMap((name) => (name.startsWith('node:') ? [name] : [name, `node:${name}`])),
);
/** The face of a Node module taken whole: the module itself, as its default. */
const wholeFace = (path) => `const whole = require(${JSON.stringify(path)});\nexport default whole;\n`;
/** A face re-exporting all of a CommonJS package, and its default. */
const packageFace = (path) =>
  `export * from ${JSON.stringify(path)};\nexport { default } from ${JSON.stringify(path)};\n`;

/**
 * Whether every import or re-export of `specifier` in `source` takes the default alone, as
 * `import fs from 'node:fs'` does (a bare `import 'node:fs'` takes nothing). Misjudged the other way,
 * a file keeps esbuild's copy; judged whole wrongly, a named import fails the build, but a namespace
 * would get the face's default alone, and not every use of one fails it. The file is read as it is
 * on disk, before scripts/dependency-edits.mjs edits it: an edit must not add an import of one of
 * Node's modules to a dependency that imports it whole.
 */
export function importsWholeOnly(source, specifier) {
  const quoted = specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const clauses = [
    ...source.matchAll(new RegExp(`\\b(import|export)\\s*([^'"\`;]*?)\\s*from\\s*(['"])${quoted}\\3`, 'g')),
  ];
  return (
    clauses.length > 0 &&
    clauses.every(([, keyword, clause]) => keyword === 'import' && /^[A-Za-z_$][\w$]*$/.test(clause))
  );
}

/** The plugin; each package is resolved from `root` (npm ci installs one React). */
export const esmFaces = (root) => ({
  name: 'esm-faces',
  setup(b) {
    // Only for an import: a require() of a CommonJS module makes no copy, and would make one of the face.
    const face = (args) =>
      args.namespace === NAMESPACE || args.kind !== 'import-statement'
        ? undefined
        : { path: args.path, namespace: NAMESPACE };
    b.onResolve({ filter: new RegExp(`^(${escaped(FACED_PACKAGES)})$`) }, face);
    // Each dependency file is read once, for the verdicts on all of Node's modules it imports.
    const sources = new Map();
    const sourceOf = (file) => sources.get(file) ?? sources.set(file, readFileSync(file, 'utf8')).get(file);
    b.onResolve({ filter: /^[\w:/]+$/ }, (args) =>
      BUILTINS.has(args.path) && inDependency(args.importer) && importsWholeOnly(sourceOf(args.importer), args.path)
        ? face(args)
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: BUILTINS.has(args.path) ? wholeFace(args.path) : packageFace(args.path),
      loader: 'js',
      resolveDir: root,
    }));
  },
});
