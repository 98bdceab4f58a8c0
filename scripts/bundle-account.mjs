// What the bundle's files hold and load, and when, read from esbuild's own account of a build (its
// metafile: `node scripts/build.mjs --metafile FILE`). A file is one of scripts/bundle-files.mjs: it
// names another through a module standing for it ('bundle-file:./NAME', 'package-getter:NAME:PACKAGE').
// Used by the bundle's tests (test/support/bundle.ts) and by the bench's report
// (scripts/chunk-report.mjs).
import { basename } from 'node:path';
import { LOADER_FILE, MAIN_FILE, ON_USE_NAMESPACES } from './bundle-files.mjs';

// Modules of ours whose require() runs only when called (scripts/bundle-files.mjs, ON_USE_NAMESPACES).
const LAZY = new RegExp(`^(${Object.values(ON_USE_NAMESPACES).join('|')}):`);

export function bundleAccount(metafile) {
  const output = (file) => {
    const found = Object.entries(metafile.outputs).find(([path]) => basename(path) === file);
    if (!found) throw new Error(`no ${file} in the build`);
    return found[1];
  };
  const importsOf = (input) => metafile.inputs[input]?.imports ?? [];

  /** Every module bundled into `file`, whether it runs when the file loads or later. */
  const inputsOf = (file) => Object.keys(output(file).inputs);

  /**
   * The modules that run when `file` loads: what its entry imports statically, transitively (CommonJS
   * packages' require() calls included, which run as their module runs). What it imports with
   * import() runs later, when first needed; another file is a stand-in here, whose require() is an
   * external one.
   */
  function eagerInputs(file) {
    const seen = new Set();
    const visit = (input) => {
      if (seen.has(input)) return;
      seen.add(input);
      if (LAZY.test(input)) return;
      for (const i of importsOf(input))
        if (!i.external && (i.kind === 'import-statement' || i.kind === 'require-call')) visit(i.path);
    };
    visit(output(file).entryPoint);
    return seen;
  }

  /** The other files that `modules` (all of a file's, or those run at load) name. */
  function filesNamed(modules) {
    const names = new Set();
    for (const input of modules) {
      const standIn = /^bundle-file:\.\/(.+)$/.exec(input);
      if (standIn) names.add(standIn[1]);
      const getter = /^package-getter:([^:]+):/.exec(input);
      if (getter) names.add(`${getter[1]}.js`);
    }
    return [...names];
  }

  /** The files that load with `file`, itself first: those its modules run at load name, transitively. */
  function loadedWith(file, seen = new Set()) {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const named of filesNamed(eagerInputs(file))) loadedWith(named, seen);
    return seen;
  }

  /** Every file `file` may ever load, itself first, at once or later, transitively. */
  function mayLoad(file, seen = new Set()) {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const named of filesNamed(inputsOf(file))) mayLoad(named, seen);
    return seen;
  }

  /**
   * The files every run loads before a command's own: the entry (dist/cli.js), the code cache's
   * loader, which the entry imports when it goes on (scripts/build.mjs), then MAIN_FILE, which the
   * entry loads through that loader by name, and what each of them loads.
   */
  function startFiles() {
    if (!filesNamed(inputsOf('cli.js')).includes(LOADER_FILE))
      throw new Error(`dist/cli.js does not load ${LOADER_FILE}: the start-up checks would see too little`);
    return new Set([...loadedWith('cli.js'), ...loadedWith(LOADER_FILE), ...loadedWith(MAIN_FILE)]);
  }

  /** The size of `file` in bytes. */
  const bytesOf = (file) => output(file).bytes;

  return { inputsOf, eagerInputs, loadedWith, mayLoad, startFiles, bytesOf };
}
