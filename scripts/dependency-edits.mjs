// What the bundle changes in its dependencies, for start-up time, each at one known place: used by
// scripts/build.mjs for the CLI and by scripts/bench.mjs for the bare Ink floor, so the floor is the
// same Ink the wizard runs. Each place must occur exactly once, and each file must be in the build:
// after an upgrade that moved, repeated or dropped one, the build fails instead of shipping a file
// unchanged or changed twice.
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `code` with each [anchor, replacement] made, where each anchor occurs exactly once. */
export function replaceOnce(code, file, edits) {
  for (const [anchor] of edits)
    if (code.split(anchor).length !== 2) throw new Error(`${file}: not the one ${anchor} expected`);
  return edits.reduce((text, [anchor, replacement]) => text.replace(anchor, () => replacement), code);
}

// The first Intl object a process builds costs 12 to 20 ms, and four of Ink's text modules each
// build an Intl.Segmenter when they load, before the wizard reads a key: they get
// source/text/graphemes.ts instead, which splits by code point a text that needs no ICU.
const GRAPHEMES = `import { graphemeSegmenter as __graphemeSegmenter } from ${JSON.stringify(join(root, 'source/text/graphemes.ts'))};\n`;
const segmenterOnUse = (declaration) => [
  declaration,
  declaration.replace('new Intl.Segmenter(', '__graphemeSegmenter('),
];

// string-width tests every non-ASCII character against /^\p{RGI_Emoji}$/v, a regex that takes
// tens of ms to build when its module loads and more to compile on first use, on Node 20 and later:
// paid by Ink's first frame of the wizard (its lines draw with ◀ ● ─). Here it is built on first
// use, and a single code point meets it only with Emoji_Presentation (a cheap class, and no RGI
// emoji of one code point is without it); a longer cluster meets the regex as before.
const RGI_REGEX = [
  'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
  "let rgiEmojiRegexBuilt;\nconst rgiEmojiRegex = { test: (text) => (rgiEmojiRegexBuilt ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };\nconst emojiPresentationRegex = /\\p{Emoji_Presentation}/u;",
];
const RGI_TEST = [
  'rgiEmojiRegex.test(segment)',
  '((segment.length > 2 || (segment.length === 2 && segment.codePointAt(0) <= 0xFFFF) || emojiPresentationRegex.test(segment)) && rgiEmojiRegex.test(segment))',
];

// Ink turns each row of a frame back into text with @alcalzone/ansi-tokenize's styledCharsToString,
// which calls diffAnsiCodes for every character against the one before: three Sets and two arrays
// each time, 20 to 40 ms of the wizard's first Ink frame (80x30, mostly unstyled). Two neighbours
// with the same styles (same codes in the same order) need no codes between them, which is what the
// full computation returns for them; the build adds that as a shortcut in front of it.
const DIFF_ANSI_START = 'export function diffAnsiCodes(from, to) {\n';
const SAME_STYLES_NO_DIFF = [
  DIFF_ANSI_START,
  `${DIFF_ANSI_START}    if (from.length === to.length && from.every((code, index) => code.code === to[index].code && code.endCode === to[index].endCode))\n        return [];\n`,
];

// Ink's layout engine (yoga) is WebAssembly inlined as base64. Its loader decoded it with atob and a
// loop over 70,000 characters, 3 to 5 ms before the wizard's first Ink frame; Buffer decodes it at
// once. It then compiled it off the main thread and waited for the result, which had nothing else
// to do meanwhile: compiled in place (1 to 3 ms) it wastes no turn of the event loop. About 8 ms
// of the bare Ink floor on Node 22 and 24 together.
const YOGA_BASE64 = [
  'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
  'var d=Buffer.from(a.slice(37),"base64")',
];
const YOGA_SYNC = [
  'return WebAssembly.instantiate(f,d)',
  'var m=new WebAssembly.Module(f);return{module:m,instance:new WebAssembly.Instance(m,d)}',
];

// With DEV=true, Ink also reads its package.json, for React's devtools only, from beside its own
// file: in the bundle that is the file above dist/, which need not be there. The bundle has no
// devtools (noDevtools, below): Ink gets what it uses without them.
const INK_PACKAGE_JSON = [
  'const packageJson = isDev()\n    ? await loadPackageJson()\n    : { name: undefined, version: undefined };',
  'const packageJson = { name: undefined, version: undefined };',
];

/** Per file under node_modules (as npm ci lays out package-lock.json): what it gets, and the edits. */
export const DEPENDENCY_EDITS = {
  'string-width/index.js': {
    prepend: GRAPHEMES,
    edits: [segmenterOnUse('const segmenter = new Intl.Segmenter();'), RGI_REGEX, RGI_TEST],
  },
  'wrap-ansi/node_modules/string-width/index.js': {
    prepend: GRAPHEMES,
    edits: [segmenterOnUse('const segmenter = new Intl.Segmenter();')],
  },
  'slice-ansi/tokenize-ansi.js': {
    prepend: GRAPHEMES,
    edits: [segmenterOnUse("const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});")],
  },
  '@alcalzone/ansi-tokenize/build/tokenize.js': {
    prepend: GRAPHEMES,
    edits: [segmenterOnUse('const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });')],
  },
  '@alcalzone/ansi-tokenize/build/diff.js': { prepend: '', edits: [SAME_STYLES_NO_DIFF] },
  'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js': { prepend: '', edits: [YOGA_BASE64, YOGA_SYNC] },
  'ink/build/reconciler.js': { prepend: '', edits: [INK_PACKAGE_JSON] },
};

/**
 * An esbuild plugin that makes DEPENDENCY_EDITS, for one build or several: `unmade()` names the
 * files none of them loaded, which the caller fails on once its builds are done.
 */
export function dependencyEditor() {
  const edited = new Set();
  const files = Object.keys(DEPENDENCY_EDITS).map((file) => file.replace(/[.@]/g, '\\$&').replaceAll('/', '[\\\\/]'));
  const plugin = {
    name: 'dependency-edits',
    setup(b) {
      b.onLoad({ filter: new RegExp(`[\\\\/]node_modules[\\\\/](${files.join('|')})$`) }, async (args) => {
        // The path below the first node_modules: the same wherever node_modules is (a linked one too).
        const file = args.path
          .split(sep)
          .join('/')
          .replace(/^.*?\/node_modules\//, '');
        const entry = DEPENDENCY_EDITS[file];
        if (!entry) return undefined;
        edited.add(file);
        const code = await readFile(args.path, 'utf8');
        return { contents: entry.prepend + replaceOnce(code, args.path, entry.edits), loader: 'js' };
      });
    },
  };
  const unmade = () => Object.keys(DEPENDENCY_EDITS).filter((file) => !edited.has(file));
  return { plugin, unmade };
}

/** The plugin for a single build, which fails when the build did not load each file. */
export const dependencyEdits = {
  name: 'dependency-edits-checked',
  setup(b) {
    const editor = dependencyEditor();
    editor.plugin.setup(b);
    b.onEnd((result) => {
      const missed = editor.unmade();
      if (result.errors.length === 0 && missed.length > 0)
        return { errors: [{ text: `dependency edits for files the build did not load: ${missed.join(', ')}` }] };
    });
  },
};

// With DEV=true in the environment, Ink imports its devtools module, which connects to React's
// devtools through react-devtools-core (not a dependency) and a WebSocket client (ws, 50 KB). The
// bundle never connects to devtools: that module is an empty one, so DEV=true, a name shells and
// containers set for their own reasons, changes nothing.
export const noDevtools = {
  name: 'no-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]ink[\\/]/.test(args.importer)
        ? { path: 'ink-devtools', namespace: 'empty-module' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty-module' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};
