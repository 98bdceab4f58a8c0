// The files of dist/, and the esbuild plugin that keeps each file's imports of another file's
// module as a load of that file (scripts/build.mjs builds them; scripts/bundle-account.mjs reads
// what each loads).
//
// Why not one entry with shared chunks (esbuild's splitting): a command then loaded 20 to 29 files
// through Node's ES module loader, each resolved, read and linked in turn, and that loader alone
// costs a few ms that a CommonJS file does not. Each command is one CommonJS file with what it
// reaches inlined (what it imports with import() is evaluated on first use only), and so are the Ink
// screens, once yoga's and Ink's devtools' top-level awaits are gone (scripts/dependency-edits.mjs).
// A few modules are files of their own, which every file reaching them shares: those that must exist once per
// process, and the big ones several commands use, which would otherwise put the package over its
// size budget (scripts/bench-package.mjs). `recommend` loads 7 small files, generate 12.
//
// A module bundled into two files that one process loads has two copies. That is harmless for code
// and data, and wrong for a class tested with instanceof or for state: those modules share a file of
// their own (one-copy: the errors, the AWS deadline; generators/folder.ts passes its TemplateError
// on). What crosses between the files otherwise is data, the CommandIO and thrown errors (main.ts
// reads exitCode).
import { resolve } from 'node:path';

/**
 * Each file: its name in dist/ (with .js), its entry module, and the other modules it holds whole
 * (`with`): an import of any of them from another file is a load of this one.
 */
export const BUNDLE_FILES = [
  { name: 'cli', entry: 'source/cli.ts' },
  // Loaded by Node with the entry: the loader of every other file, through V8's code cache (one per
  // process, since it keeps the files it loaded to write their code at exit).
  { name: 'code-cache', entry: 'source/start/code-cache.ts' },
  { name: 'cli-main', entry: 'source/cli-main.ts' },
  // One copy per process: the error classes and the AWS deadline's state. One file, since every
  // command loads both (each file is a read and a code-cache lookup).
  { name: 'one-copy', entry: 'source/errors.ts', with: ['source/aws/deadline.ts'] },
  // Data nearly every command reads: the questions, and the answers file's JSON Schema.
  { name: 'questions', entry: 'questionnaire/questions.ts' },
  { name: 'answers-schema', entry: 'schema/ami-wizard.schema.json' },
  // Shared by the commands that read an answers file, and the screens: the reader, its reader of
  // plain YAML and the answers check (js-yaml, for any other YAML, comes on first use).
  { name: 'answers-read', entry: 'source/answers/read.ts' },
  // The generators (answers -> files) and the built-in templates, precompiled (a quarter of a
  // megabyte): generate, audit and the screens.
  { name: 'generators', entry: 'generators/folder.ts' },
  { name: 'templates', entry: 'source/template-modules/built-in.ts' },
  // What main.ts loads for a command.
  { name: 'schema', entry: 'source/commands/schema.ts' },
  { name: 'recommend', entry: 'source/commands/recommend.ts' },
  { name: 'generate', entry: 'source/commands/generate.ts' },
  { name: 'lookup', entry: 'source/commands/lookup.ts' },
  { name: 'audit', entry: 'source/commands/audit.ts' },
  { name: 'workshop', entry: 'source/commands/workshop.ts' },
  { name: 'wizard', entry: 'source/commands/wizard.ts' },
  { name: 'answers-in-terminal', entry: 'source/commands/answers-in-terminal.ts' },
  // Only for an answers file that is not valid YAML or not the schema's: the YAML parser and zod.
  { name: 'answers-diagnostics', entry: 'source/answers/diagnostics.ts' },
  // zod and the answers schema, for the wizard's check of its draft (source/answers/draft.ts), on first use.
  { name: 'answers-zod', entry: 'source/answers/answers-zod.ts' },
  // The screens of the wizard and the workshop (source/commands/screens.ts), loaded once the first
  // frame is drawn.
  { name: 'screens', entry: 'source/commands/screens.ts' },
];

/**
 * The namespaces of the build's stand-in modules whose require() runs only when first called: a
 * module loaded on first use (scripts/build.mjs: lazyModules, draftZodOnUse) and a file of packages'
 * getters (below). What each file runs when it loads stops there (scripts/bundle-account.mjs).
 */
export const ON_USE_NAMESPACES = {
  lazyModule: 'lazy-module',
  draftZod: 'draft-zod-on-use',
  packageFile: 'package-file',
};

/** The code cache's loader, and the file the entry loads through it (scripts/build.mjs puts its name there). */
export const LOADER_FILE = 'code-cache.js';
export const MAIN_FILE = 'cli-main.js';

/**
 * Packages our code loads on first use, each group in a file of its own that every file reaching
 * it shares (named by its key, in dist/): a getter per package, so that loading the file evaluates none.
 */
export const PACKAGE_FILES = {
  'aws-sdk': [
    '@aws-sdk/client-ec2',
    '@aws-sdk/client-sts',
    '@aws-sdk/client-organizations',
    '@aws-sdk/client-resource-explorer-2',
  ],
  // The libraries several files use (each would hold a copy otherwise): the YAML reader and writer
  // (the generators' output; answers files beyond plain YAML); the YAML parser of the diagnostics
  // and of the wizard's saved files, and Handlebars (its runtime, and the compiler for a team's
  // --templates folder: the built-in templates are precompiled). Not zod: as a package required whole it is half a megabyte;
  // imported, esbuild keeps the 30 KB used.
  'js-yaml': ['js-yaml'],
  packages: ['yaml', 'handlebars/runtime', 'handlebars'],
};
const packageFile = new Map(
  Object.entries(PACKAGE_FILES).flatMap(([file, packages]) => packages.map((p) => [p, file])),
);

const fileName = (file) => `${file.name}.js`;

const packageFileSource = (packages) =>
  `module.exports = {\n${packages.map((p) => `  get ${JSON.stringify(p)}() { return require(${JSON.stringify(p)}); },`).join('\n')}\n};\n`;

/** The modules of `file`: its entry first. */
const modulesOf = (file) => [file.entry, ...(file.with ?? [])];

/** The esbuild entry points: each file's, and each file of packages'. */
export function entryPoints(root) {
  const files = BUNDLE_FILES.map((f) => [
    f.name,
    // A JSON entry gets no module.exports from esbuild's CommonJS output: a module requiring it does.
    // A file of several modules: one that exports what each does.
    f.entry.endsWith('.json')
      ? `json-file:${resolve(root, f.entry)}`
      : f.with
        ? `several-modules:${f.name}`
        : resolve(root, f.entry),
  ]);
  const packageFiles = Object.keys(PACKAGE_FILES).map((name) => [name, `package-file:${name}`]);
  return Object.fromEntries([...files, ...packageFiles]);
}

/** The names the module at `path` exports, as esbuild reads them. */
async function exportNames(esbuild, path) {
  // Bundled with packages left out, so that names passed on by `export * from` count too.
  const { metafile } = await esbuild.build({
    entryPoints: [path],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  return Object.values(metafile.outputs)[0].exports;
}

const OWN_NAMESPACES = ['bundle-file', 'package-getter', ON_USE_NAMESPACES.packageFile, 'json-file', 'several-modules'];
const RESOLVING = 'bundle-files-resolving';

/**
 * The plugin: an import (static or dynamic) of another file's entry module, from any module of ours,
 * becomes a require() of that file; an import of a package of PACKAGE_FILES, a getter of its file.
 */
export function bundleFiles(root) {
  const byEntry = new Map(BUNDLE_FILES.flatMap((file) => modulesOf(file).map((path) => [resolve(root, path), file])));
  const ours = (importer) => !importer.split(/[\\/]/).includes('node_modules');
  return {
    name: 'bundle-files',
    setup(b) {
      b.onResolve({ filter: /^package-file:/ }, (args) =>
        args.kind === 'entry-point'
          ? { path: args.path.slice('package-file:'.length), namespace: ON_USE_NAMESPACES.packageFile }
          : undefined,
      );
      b.onResolve({ filter: /^json-file:/ }, (args) =>
        args.kind === 'entry-point'
          ? { path: args.path.slice('json-file:'.length), namespace: 'json-file' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'json-file' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});\n`,
        loader: 'js',
        resolveDir: root,
      }));
      b.onResolve({ filter: /^several-modules:/ }, (args) =>
        args.kind === 'entry-point'
          ? { path: args.path.slice('several-modules:'.length), namespace: 'several-modules' }
          : undefined,
      );
      // What each of its modules exports, by name (by absolute path, which the relative imports'
      // redirect below leaves alone). A name two of them export would be neither's: the build stops.
      b.onLoad({ filter: /.*/, namespace: 'several-modules' }, async (args) => {
        const exporter = new Map();
        const lines = [];
        for (const path of modulesOf(BUNDLE_FILES.find((file) => file.name === args.path))) {
          const names = await exportNames(b.esbuild, resolve(root, path));
          for (const name of names) {
            if (exporter.has(name))
              return { errors: [{ text: `${args.path}.js: ${exporter.get(name)} and ${path} both export ${name}` }] };
            exporter.set(name, path);
          }
          lines.push(`export { ${names.join(', ')} } from ${JSON.stringify(resolve(root, path))};\n`);
        }
        return { contents: lines.join(''), loader: 'js', resolveDir: root };
      });
      b.onLoad({ filter: /.*/, namespace: ON_USE_NAMESPACES.packageFile }, (args) => ({
        contents: packageFileSource(PACKAGE_FILES[args.path]),
        loader: 'js',
        resolveDir: root,
      }));
      // Resolved as esbuild resolves it, so an import spelled with .js (TypeScript's spelling of a .ts
      // module) counts too.
      b.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.kind === 'entry-point' || args.namespace !== 'file' || !ours(args.importer)) return undefined;
        if (args.pluginData?.[RESOLVING]) return undefined;
        const { path, errors } = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          with: args.with,
          pluginData: { [RESOLVING]: true },
        });
        const file = errors.length === 0 ? byEntry.get(path) : undefined;
        return file ? { path: `./${fileName(file)}`, namespace: 'bundle-file' } : undefined;
      });
      b.onResolve({ filter: /^[@a-z]/ }, (args) => {
        if (OWN_NAMESPACES.includes(args.namespace) || !ours(args.importer)) return undefined;
        const file = packageFile.get(args.path);
        if (file) return { path: `${file}:${args.path}`, namespace: 'package-getter' };
        if (args.path.startsWith('@aws-sdk/'))
          return { errors: [{ text: `${args.path}: add it to PACKAGE_FILES in scripts/bundle-files.mjs` }] };
        return undefined;
      });
      // A module that stands for another file: the file itself, loaded by the code cache's loader.
      // The file of a module of ours gets an ES module face, so its importers share one copy of its
      // exports (see scripts/esm-faces.mjs); a JSON file's, which is imported for its default, stays
      // CommonJS.
      const jsonFiles = new Set(BUNDLE_FILES.filter((file) => file.entry.endsWith('.json')).map(fileName));
      b.onLoad({ filter: /.*/, namespace: 'bundle-file' }, (args) => ({
        contents: jsonFiles.has(args.path.slice(2))
          ? `module.exports = require(${JSON.stringify(args.path)});\n`
          : `export * from ${JSON.stringify(args.path)};\n`,
        loader: 'js',
      }));
      b.onLoad({ filter: /.*/, namespace: 'package-getter' }, (args) => {
        const [file, pkg] = [args.path.slice(0, args.path.indexOf(':')), args.path.slice(args.path.indexOf(':') + 1)];
        return {
          contents: `module.exports = require(${JSON.stringify(`./${file}.js`)})[${JSON.stringify(pkg)}];\n`,
          loader: 'js',
        };
      });
      for (const namespace of ['bundle-file', 'package-getter'])
        b.onResolve({ filter: /^\.\//, namespace }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/**
 * The files of a build that would load themselves (a module of a file of several imports another
 * of the same file, which the plugin turns into a load of that file): empty, or a value would be
 * read from the half-evaluated file.
 */
export function filesLoadingThemselves(metafile) {
  return Object.entries(metafile.outputs)
    .filter(([out, output]) => `bundle-file:./${out.split('/').pop()}` in output.inputs)
    .map(([out]) => out.split('/').pop());
}

/**
 * The modules in more than one file of a build, among those that must be in one only (each file's
 * entry module): empty, or the build would ship two copies of a class or of state.
 */
export function entriesInTwoFiles(metafile) {
  const entries = BUNDLE_FILES.flatMap(modulesOf);
  return entries
    .map((entry) => [entry, Object.keys(metafile.outputs).filter((out) => entry in metafile.outputs[out].inputs)])
    .filter(([, outs]) => outs.length > 1)
    .map(([entry, outs]) => `${entry} is in ${outs.map((out) => out.split('/').pop()).join(' and ')}`);
}
