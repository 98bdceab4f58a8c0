// The files of dist/, one per way through the CLI, and the esbuild plugin that keeps each file's
// imports of another file's module as a load of that file (scripts/build.mjs builds them).
//
// Why not one entry with shared chunks (esbuild's splitting): a command then loaded 20 to 29 files
// through Node's ES module loader, each resolved, read and linked in turn; and that loader alone
// costs a few ms that a CommonJS file does not. So each command is one CommonJS file with everything
// it can reach inlined (what it imports lazily is only evaluated on first use), and a run loads the
// entry, cli-main, one command's file and the two shared ones below.
//
// A module bundled into two files that one process loads has two copies. That is harmless for code
// and data, and wrong for a class tested with instanceof or for state: those modules are files of
// their own (errors, aws-deadline), loaded once by whichever file needs them. What crosses between
// the files otherwise is data, the CommandIO and thrown errors (main.ts reads their exitCode).
import { resolve } from 'node:path';

/**
 * Each file: its name in dist/, its entry module. `esm`: an ES module (.mjs), for the Ink screens,
 * whose layout engine (yoga) loads with a top-level await that CommonJS cannot hold.
 */
export const BUNDLE_FILES = [
  { name: 'cli', entry: 'source/cli.ts' },
  { name: 'cli-main', entry: 'source/cli-main.ts' },
  // One copy per process: the error classes and the AWS deadline's state.
  { name: 'errors', entry: 'source/errors.ts' },
  { name: 'aws-deadline', entry: 'source/aws/deadline.ts' },
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
  // The screens, loaded once the first frame is drawn (commands/load-ui.ts).
  { name: 'wizard-run', entry: 'source/commands/wizard-run.ts', esm: true },
  { name: 'workshop-run', entry: 'source/commands/workshop-run.ts', esm: true },
];

/** The AWS SDK clients the code imports, all in one file of dist/ (AWS_SDK_FILE), each evaluated on first use. */
export const AWS_SDK_CLIENTS = ['client-ec2', 'client-sts', 'client-organizations', 'client-resource-explorer-2'];
const AWS_SDK_FILE = 'aws-sdk';

export const fileName = (file) => `${file.name}.${file.esm ? 'mjs' : 'js'}`;

// The source of that file: a getter per client, so that loading the file evaluates none.
const awsSdkSource = `module.exports = {\n${AWS_SDK_CLIENTS.map(
  (client) => `  get ${JSON.stringify(client)}() { return require(${JSON.stringify(`@aws-sdk/${client}`)}); },`,
).join('\n')}\n};\n`;

/** The esbuild entry points of the CommonJS files and of the ES module files. */
export function entryPoints(root) {
  const of = (esm) =>
    Object.fromEntries(BUNDLE_FILES.filter((f) => !f.esm === !esm).map((f) => [f.name, resolve(root, f.entry)]));
  return { commonjs: { ...of(false), [AWS_SDK_FILE]: 'aws-sdk-clients' }, esm: of(true) };
}

/**
 * The plugin: an import (static or dynamic) of another file's entry module, from any module of ours,
 * becomes a require() of that file, or an import() of an .mjs one. The AWS SDK's clients become
 * getters of AWS_SDK_FILE.
 */
export function bundleFiles(root) {
  const byEntry = new Map(BUNDLE_FILES.map((file) => [resolve(root, file.entry), file]));
  const sdkClient = /^@aws-sdk\/(client-[a-z0-9-]+)$/;
  const ours = (importer) => !importer.split(/[\\/]/).includes('node_modules');
  return {
    name: 'bundle-files',
    setup(b) {
      b.onResolve({ filter: /^aws-sdk-clients$/ }, (args) =>
        args.kind === 'entry-point' ? { path: 'aws-sdk-clients', namespace: 'aws-sdk-clients' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'aws-sdk-clients' }, () => ({
        contents: awsSdkSource,
        loader: 'js',
        resolveDir: root,
      }));
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point' || args.namespace !== 'file' || !ours(args.importer)) return undefined;
        const file = byEntry.get(resolve(args.resolveDir, args.path));
        if (!file) return undefined;
        if (file.esm) return { path: `./${fileName(file)}`, external: true };
        return { path: fileName(file), namespace: 'bundle-file' };
      });
      b.onResolve({ filter: sdkClient }, (args) => {
        if (args.namespace !== 'file' || !ours(args.importer)) return undefined;
        const client = sdkClient.exec(args.path)[1];
        if (!AWS_SDK_CLIENTS.includes(client))
          return { errors: [{ text: `${args.path}: add ${client} to AWS_SDK_CLIENTS in scripts/bundle-files.mjs` }] };
        return { path: client, namespace: 'aws-sdk-client' };
      });
      // A module that stands for another file: the file itself, loaded by Node (and cached by it).
      b.onLoad({ filter: /.*/, namespace: 'bundle-file' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`./${args.path}`)});\n`,
        loader: 'js',
      }));
      b.onLoad({ filter: /.*/, namespace: 'aws-sdk-client' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`./${AWS_SDK_FILE}.js`)})[${JSON.stringify(args.path)}];\n`,
        loader: 'js',
      }));
      b.onResolve({ filter: /^\.\//, namespace: 'bundle-file' }, (args) => ({ path: args.path, external: true }));
      b.onResolve({ filter: /^\.\//, namespace: 'aws-sdk-client' }, (args) => ({ path: args.path, external: true }));
    },
  };
}
