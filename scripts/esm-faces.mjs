// One ES module face for each CommonJS module that many ES modules import. An ES module's import of
// a CommonJS one gets, from esbuild, a copy of its exports made when the importer loads (__toESM: a
// getter defined per export, per importer). React's forty exports were copied 35 times, its JSX
// runtime's 16, and Node's process object (85 properties, for Ink's dependencies' `import process
// from 'node:process'`) 13: 3 to 5 ms of copying before the wizard read a key. Through the face,
// one copy is made and every importer shares it. Our own files' faces are scripts/bundle-files.mjs's.
// Used by scripts/build.mjs for the CLI and by scripts/bench.mjs for the bare Ink floor.

/** Imported through a face by every module. */
export const FACED_PACKAGES = ['react', 'react/jsx-runtime'];
/**
 * Node's modules that dependencies import whole (`import fs from 'node:fs'`): through a face from a
 * dependency only, since ours import them by name, which esbuild compiles to no copy at all.
 */
export const FACED_BUILTINS = ['node:process', 'node:tty', 'node:fs'];

const NAMESPACE = 'esm-face';
const escaped = (names) => names.map((name) => name.replace(/[/:]/g, '\\$&')).join('|');
const inDependency = (importer) => importer.split(/[\\/]/).includes('node_modules');

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
    b.onResolve({ filter: new RegExp(`^(${escaped(FACED_BUILTINS)})$`) }, (args) =>
      inDependency(args.importer) ? face(args) : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: `export * from ${JSON.stringify(args.path)};\nexport { default } from ${JSON.stringify(args.path)};\n`,
      loader: 'js',
      resolveDir: root,
    }));
  },
});
