// Bundles the CLI into dist/: an entry, then one file per command (scripts/bundle-files.mjs), no
// runtime dependencies.
// The built-in templates are precompiled here, so a run needs only the Handlebars runtime.
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUNDLE_FILES,
  LOADER_FILE,
  MAIN_FILE,
  ON_USE_NAMESPACES,
  bundleFiles,
  entriesInTwoFiles,
  entryPoints,
  filesLoadingThemselves,
} from './bundle-files.mjs';
import { dependencyEdits, replaceOnce } from './dependency-edits.mjs';
import { esmFaces } from './esm-faces.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const templatesDir = join(root, 'templates');

/** The exports of `code` (TypeScript importing the package's own modules), bundled and loaded here. */
async function sourceModule(code) {
  const out = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

// Handlebars writes every helper call's source location (line and column, for its error messages)
// into the precompiled code: a sixth of the templates' chunk, and three objects allocated per call
// when a template runs. The built-in templates are ours and tested from source, where a failure keeps
// its location; the bundle gets them parsed, stripped of every node's `loc`, and precompiled from that
// tree, for which Handlebars emits no location (the same parse and whitespace control otherwise).
function withoutLocations(node) {
  if (Array.isArray(node)) for (const item of node) withoutLocations(item);
  else if (node && typeof node === 'object') {
    delete node.loc;
    for (const value of Object.values(node)) withoutLocations(value);
  }
  return node;
}

// The templates are read and precompiled by the very code (and options) that does it from source.
async function precompiledTemplatesModule() {
  const { readTemplateSources, PRECOMPILE_OPTIONS } = await sourceModule(
    "export { readTemplateSources } from './source/template-modules/read.ts'; export { PRECOMPILE_OPTIONS } from './generators/render.ts';",
  );
  const sources = await readTemplateSources(templatesDir);
  const specs = [...sources].map(
    ([name, text]) =>
      `${JSON.stringify(name)}: ${Handlebars.precompile(withoutLocations(Handlebars.parseWithoutProcessing(text)), PRECOMPILE_OPTIONS)}`,
  );
  return `const specs = {\n${specs.join(',\n')}\n};\nexport async function builtInTemplates() { return new Map(Object.entries(specs)); }\n`;
}

const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /source[\\/]template-modules[\\/]built-in\.ts$/ }, async () => ({
      contents: await precompiledTemplatesModule(),
      loader: 'js',
      watchFiles: [templatesDir],
    }));
  },
};

// source/answers/shape.ts compiles the answers JSON Schema with ajv when it loads. The bundle gets
// ajv's standalone code instead: the same schema (without its annotations, as there) and options
// (read from that module, so they cannot differ), compiled here, with no ajv at run time.
async function standaloneAnswersShape() {
  const { AJV_OPTIONS, withoutAnnotations } = await sourceModule(
    "export { AJV_OPTIONS, withoutAnnotations } from './source/answers/shape.ts';",
  );
  const schema = withoutAnnotations(JSON.parse(await readFile(join(root, 'schema/ami-wizard.schema.json'), 'utf8')));
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  ajv.addSchema(schema);
  const code = standaloneCode(ajv, { checkShape: schema.$id });
  return `${code}\nexport const AJV_OPTIONS = ${JSON.stringify(AJV_OPTIONS)};\n`;
}

const answersShape = {
  name: 'answers-shape-standalone',
  setup(b) {
    b.onLoad({ filter: /source[\\/]answers[\\/]shape\.ts$/ }, async (args) => ({
      contents: await standaloneAnswersShape(),
      loader: 'js',
      resolveDir: dirname(args.path),
      watchFiles: [join(root, 'schema/ami-wizard.schema.json')],
    }));
  },
};

// The entry answers `--help` and `--version` alone (source/commands/quick-replies.ts) before loading anything
// else: the bundle gets that module's replies, computed here by the module itself, as a literal.
const quickReplies = {
  name: 'quick-replies',
  setup(b) {
    b.onLoad({ filter: /source[\\/]commands[\\/]quick-replies\.ts$/ }, async () => {
      const mod = await sourceModule("export { quickReplies } from './source/commands/quick-replies.ts';");
      return {
        contents: `export function quickReplies() { return ${JSON.stringify(mod.quickReplies())}; }\n`,
        loader: 'js',
        watchFiles: [join(root, 'package.json')],
      };
    });
  },
};

// The entry loads the rest of the CLI (source/load-cli-main.ts): from source with an import, in
// the bundle through the loader of source/start/code-cache.ts, which compiles each file from V8's
// code of an earlier run. The loader's file itself is imported when called, so `--help` and
// `--version` alone load nothing but the entry.
const loadCliMain = {
  name: 'load-cli-main',
  setup(b) {
    b.onLoad({ filter: /source[\\/]load-cli-main\.ts$/ }, () => ({
      contents: `export function loadCliMain() {\n  void import('./start/code-cache.ts').then((cache) => cache.loadBundleFile(__dirname, ${JSON.stringify(MAIN_FILE)}, require));\n}\n`,
      loader: 'ts',
    }));
  },
};

// Modules our code reaches through a stand-in that loads the module on the first call of what it
// exports (esbuild evaluates a module reached by require() only then), each with the names our code
// uses (a name not listed fails the build):
// - string-width: its module (its regexes, get-east-asian-width's tables) takes about 2 ms to load,
//   which recommend and generate, and the wizard's first frame, would pay to measure text that is
//   nearly always ASCII (source/text/wrap.ts measures ASCII itself);
// - node:crypto: about 2 ms on Node 22 (fifteen of Node's modules), which the wizard paid before its
//   first keys for hashes it makes only when writing.
const LAZY_MODULES = { 'string-width': ['default'], 'node:crypto': ['createHash', 'randomBytes'] };
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(LAZY_MODULES).join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'file' && !args.importer.split(/[\\/]/).includes('node_modules')
        ? { path: args.path, namespace: ON_USE_NAMESPACES.lazyModule }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: ON_USE_NAMESPACES.lazyModule }, (args) => ({
      resolveDir: root,
      loader: 'js',
      contents: [
        `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}));\n`,
        ...LAZY_MODULES[args.path].map((name) =>
          name === 'default'
            ? 'export default (...args) => load().default(...args);\n'
            : `export const ${name} = (...args) => load().${name}(...args);\n`,
        ),
      ].join(''),
    }));
  },
};

// source/answers/draft.ts validates with zod: the answers schema (questionnaire/answer-fields.ts) and
// zod's core take 20 to 40 ms to evaluate, which the wizard paid before its first screen read keys,
// though nothing validates until the first answer. In the bundle draft.ts reaches both through a
// stand-in module loaded by require(), which esbuild evaluates on the first call only, and the
// stand-in is the face of their file (answers-zod in scripts/bundle-files.mjs): 40 KB the screens'
// file no longer holds.
const DRAFT_ZOD_IMPORT = "import { AnswersSchema, safeParse } from './answers-zod.ts';\n";
const DRAFT_ZOD_PARSE = 'safeParse(AnswersSchema, draft)';
const draftZodOnUse = {
  name: 'draft-zod-on-use',
  setup(b) {
    b.onLoad({ filter: /source[\\/]answers[\\/]draft\.ts$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      const lazy =
        "let answersZod: any;\nconst safeParseAnswers = (draft: unknown) => {\n  answersZod ??= require('draft-zod-on-use');\n  return answersZod.safeParse(answersZod.AnswersSchema, draft);\n};\n";
      return {
        contents: replaceOnce(code, args.path, [
          [DRAFT_ZOD_IMPORT, lazy],
          [DRAFT_ZOD_PARSE, 'safeParseAnswers(draft)'],
        ]),
        loader: 'ts',
      };
    });
    b.onResolve({ filter: /^draft-zod-on-use$/ }, () => ({
      path: 'draft-zod-on-use',
      namespace: ON_USE_NAMESPACES.draftZod,
    }));
    b.onResolve({ filter: /^\.\/answers-zod\.js$/, namespace: ON_USE_NAMESPACES.draftZod }, (args) => ({
      path: args.path,
      namespace: 'bundle-file',
    }));
    b.onLoad({ filter: /.*/, namespace: ON_USE_NAMESPACES.draftZod }, () => ({
      loader: 'js',
      contents: "export * from './answers-zod.js';\n",
    }));
  },
};

// Built beside dist/ and swapped in at the end, so a test run reading dist/ never sees it half built.
// Each entry is one file, with no shared chunks (scripts/bundle-files.mjs).
// --out DIR: into DIR instead (the bundle's tests read esbuild's account of a build of their own).
const outAt = process.argv.indexOf('--out');
const target = outAt > 0 ? resolve(process.argv[outAt + 1]) : join(root, 'dist');
const staging = `${target}.build-${process.pid}`;
await rm(staging, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: entryPoints(root),
  outdir: staging,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // import() becomes a require(): the files are loaded by the code cache's vm.Script, where Node's
  // loader for import() is experimental and warns on stderr (the AWS SDK imports node:http so).
  supported: { 'dynamic-import': false },
  minify: true,
  legalComments: 'none',
  jsx: 'automatic', // the Ink screens (.tsx), as in tsconfig.json
  // React and Ink read NODE_ENV: the production builds load, dev-only code is dropped.
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [
    bundleFiles(root),
    precompiledTemplates,
    answersShape,
    quickReplies,
    loadCliMain,
    lazyModules,
    dependencyEdits(),
    esmFaces(root),
    draftZodOnUse,
  ],
  logLevel: 'warning',
  metafile: true,
});
// A CommonJS file has no import.meta: esbuild warns and leaves it empty, which would break at run time.
if (result.warnings.length > 0) throw new Error(`build: ${result.warnings.length} warning(s), above; none is expected`);
// The build's id, in the loader's file in place of the text it holds there (BUILD_ID): a hash of
// every other file, so the code cache never takes one build's records for another's files
// (source/start/code-cache.ts).
const { BUILD_ID: UNBUILT_ID } = await sourceModule("export { BUILD_ID } from './source/start/code-cache.ts';");
const loaderPath = join(staging, LOADER_FILE);
const others = (await readdir(staging)).filter((name) => name !== LOADER_FILE).sort();
const hash = createHash('sha256');
for (const name of others)
  hash
    .update(`${name}\0`)
    .update(await readFile(join(staging, name)))
    .update('\0');
await writeFile(
  loaderPath,
  replaceOnce(await readFile(loaderPath, 'utf8'), LOADER_FILE, [
    [JSON.stringify(UNBUILT_ID), JSON.stringify(hash.digest('hex').slice(0, UNBUILT_ID.length))],
  ]),
);
// The .js files are CommonJS (package.json says "module" for the sources and scripts).
await writeFile(join(staging, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
const twice = entriesInTwoFiles(result.metafile);
if (twice.length > 0) throw new Error(`build: a module that must be in one file only is in two:\n${twice.join('\n')}`);
const selfLoading = filesLoadingThemselves(result.metafile);
if (selfLoading.length > 0)
  throw new Error(
    `build: ${selfLoading.join(', ')} would load itself: two of its modules import each other (scripts/bundle-files.mjs, with)`,
  );
// A file of ours is imported through a face that re-exports its names (scripts/bundle-files.mjs),
// not a default export, which would come out undefined.
for (const entry of BUNDLE_FILES.flatMap((f) => [f.entry, ...(f.with ?? [])]).filter((e) => /\.tsx?$/.test(e))) {
  const code = await readFile(join(root, entry), 'utf8');
  if (/\bexport\s+default\b|\bas\s+default\b/.test(code))
    throw new Error(`build: ${entry} has a default export; give it a name (its file's face re-exports names only)`);
}
// --metafile FILE: esbuild's account of every file (its inputs and their bytes, their imports and
// how each is made: static, dynamic, require), for measuring and checking what each command loads.
const metafileAt = process.argv.indexOf('--metafile');
if (metafileAt > 0) {
  const file = process.argv[metafileAt + 1];
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(result.metafile));
}
const old = `${target}.old-${process.pid}`;
await rename(target, old).catch((error) => {
  if (error.code !== 'ENOENT') throw error;
});
await rename(staging, target);
await rm(old, { recursive: true, force: true });
