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

// A regex of Unicode properties takes 0.1 to 0.3 ms to build when its module loads (V8 reads ICU's
// tables for each property), and Ink's text packages build five, which the wizard's first frame
// never runs: each is built when first tested. Only for a regex its module only ever tests, without
// the g or y flag (so sharing one is stateless); test/ui/ink-load-edits.test.ts checks each module.
/** The edit of `const NAME = /SOURCE/FLAGS;` into a stand-in whose test() builds the regex once. */
const testOnUse = (name, source, flags) => [
  `const ${name} = /${source}/${flags};`,
  `let ${name}Built;\nconst ${name} = { test: (text) => (${name}Built ??= new RegExp(${JSON.stringify(source)}, '${flags}')).test(text) };`,
];
/** Per file: the regexes it only tests, each [name, source, flags]. */
export const REGEXES_ON_FIRST_TEST = {
  'string-width/index.js': [['spacingMarkRegex', '\\p{Spacing_Mark}', 'v']],
  'wrap-ansi/node_modules/string-width/index.js': [
    ['defaultIgnorableCodePointRegex', '^\\p{Default_Ignorable_Code_Point}$', 'u'],
  ],
  'slice-ansi/tokenize-ansi.js': [['EMOJI_PRESENTATION_GRAPHEME_REGEX', '\\p{Emoji_Presentation}', 'u']],
};
/** Per file of REGEXES_ON_FIRST_TEST: the edits into its stand-ins. */
export const REGEX_STAND_INS = Object.fromEntries(
  Object.entries(REGEXES_ON_FIRST_TEST).map(([file, regexes]) => [
    file,
    regexes.map(([name, source, flags]) => testOnUse(name, source, flags)),
  ]),
);

// string-width tests every non-ASCII character against /^\p{RGI_Emoji}$/v, a regex that takes
// tens of ms to build when its module loads and more to compile on first use, on Node 20 and later:
// paid by Ink's first frame of the wizard (its lines draw with ◀ ● ─). Here it is built on first
// use, and a single code point meets it only with Emoji_Presentation (a cheap class, and no RGI
// emoji of one code point is without it); a longer cluster meets the regex as before.
const RGI_REGEX = [
  'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
  "let rgiEmojiRegexBuilt;\nconst rgiEmojiRegex = { test: (text) => (rgiEmojiRegexBuilt ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };\nlet emojiPresentationRegexBuilt;\nconst emojiPresentationRegex = { test: (text) => (emojiPresentationRegexBuilt ??= new RegExp('\\\\p{Emoji_Presentation}', 'u')).test(text) };",
];
const RGI_TEST = [
  'rgiEmojiRegex.test(segment)',
  '((segment.length > 2 || (segment.length === 2 && segment.codePointAt(0) <= 0xFFFF) || emojiPresentationRegex.test(segment)) && rgiEmojiRegex.test(segment))',
];

// And every cluster that is not printable ASCII meets a regex of six Unicode properties (is it
// visible?), which takes about 1 ms to build when the module loads on Node 22: the welcome's
// lines draw with · ◀ ● ─ ▶ (and a line with one of them takes the long way for its ASCII too). It
// is built on first use, and a cluster of one code point from blocks where every character is
// visible, is no emoji by default and no Hangul jamo (printable ASCII, Latin-1 and Latin Extended but
// the soft hyphen, general punctuation's dashes and bullets, arrows, box drawing, blocks and
// geometric shapes but two emoji) is as wide as its East Asian Width says, which is what the long
// way finds for each of them.
// test/ui/ink-load-edits.test.ts holds the edited string-width to the original, every code point
// of those blocks among them.
const VISIBLE_REGEX = [
  'const visibleCharacterRegex = /[^\\p{Default_Ignorable_Code_Point}\\p{Control}\\p{Format}\\p{Nonspacing_Mark}\\p{Enclosing_Mark}\\p{Surrogate}]/v;',
  "let visibleCharacterRegexBuilt;\nconst visibleCharacterRegex = () => (visibleCharacterRegexBuilt ??= new RegExp('[^\\\\p{Default_Ignorable_Code_Point}\\\\p{Control}\\\\p{Format}\\\\p{Nonspacing_Mark}\\\\p{Enclosing_Mark}\\\\p{Surrogate}]', 'v'));",
];
const VISIBLE_SEARCH = ['segment.search(visibleCharacterRegex)', 'segment.search(visibleCharacterRegex())'];
const VISIBLE_TEST = ['!visibleCharacterRegex.test(character)', '!visibleCharacterRegex().test(character)'];
const CLUSTER_LOOP = '\tfor (const {segment} of segmenter.segment(string)) {\n';
const ONE_PLAIN_CODE_POINT = [
  CLUSTER_LOOP,
  `${CLUSTER_LOOP}\t\tconst code = segment.length === 1 ? segment.charCodeAt(0) : -1;\n\t\tif ((code >= 0x20 && code <= 0x7E) || (code >= 0xA0 && code <= 0x2FF && code !== 0xAD) || (code >= 0x2010 && code <= 0x2027) || (code >= 0x2190 && code <= 0x21FF) || (code >= 0x2500 && code <= 0x25FF && code !== 0x25FD && code !== 0x25FE)) {\n\t\t\twidth += eastAsianWidth(code, eastAsianWidthOptions);\n\t\t\tcontinue;\n\t\t}\n`,
];
// The one regex string-width matches with (g, for a count): made on first use too.
const PICTOGRAPHIC_REGEX = [
  'const extendedPictographicRegex = /\\p{Extended_Pictographic}/gu;',
  "let extendedPictographicRegexBuilt;\nconst extendedPictographicRegex = () => (extendedPictographicRegexBuilt ??= new RegExp('\\\\p{Extended_Pictographic}', 'gu'));",
];
const PICTOGRAPHIC_MATCH = ['segment.match(extendedPictographicRegex)', 'segment.match(extendedPictographicRegex())'];
/** string-width's regexes on first use, and the code points that need none. */
export const STRING_WIDTH_ON_USE = [
  VISIBLE_REGEX,
  VISIBLE_SEARCH,
  VISIBLE_TEST,
  ONE_PLAIN_CODE_POINT,
  PICTOGRAPHIC_REGEX,
  PICTOGRAPHIC_MATCH,
  ...REGEX_STAND_INS['string-width/index.js'],
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

// Ink's layout engine (yoga) is WebAssembly inlined as base64, and loads with a top-level await
// (its index module awaits the emscripten loader's promise), which only an ES module can hold. The
// loader decoded it with atob and a loop over 70,000 characters (3 to 5 ms); Buffer decodes it at
// once. It then compiled it off the main thread and resolved a promise: compiled in place, the
// loader has the module ready when it returns (emscripten runs what waited on it at once), so
// the index module takes it without await and the screens can be a CommonJS file like the rest. The
// loader's script folder (import.meta.url, for files it never fetches) is left empty.
const YOGA_BASE64 = [
  'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
  'var d=Buffer.from(a.slice(37),"base64")',
];
const YOGA_SYNC = [
  '(function(){return w||"function"!=typeof WebAssembly.instantiateStreaming||ua(H)||"function"!=typeof fetch?c(b):fetch(H,{credentials:"same-origin"}).then(function(e){return WebAssembly.instantiateStreaming(e,d).then(b,function(f){v("wasm streaming compile failed: "+f);v("falling back to ArrayBuffer instantiation");return c(b)})})})().catch(ca);return{}',
  'a(new WebAssembly.Instance(new WebAssembly.Module(wa()),d));return{}',
];
// When yoga loads, emscripten's embind registers each of its 109 methods: it reads the argument
// types and the function pointer and builds the method's JavaScript caller, 2 ms of the wizard's
// start on Node 22, though Ink calls about a third of them. Each method is now a stand-in that
// builds its caller on its first call, keeps it (yoga's wrapAssembly holds the stand-in itself, as
// the original it wraps) and puts it where the stand-in was. The types are all registered by the
// time anything calls a method; were one not, the call fails with embind's own "unbound types".
export const YOGA_LAZY_METHODS = [
  'a:function(a,b,c,d,e,f,g,k){var m=pb(c,d);b=N(b);f=Z(e,f);V([],[a],function(l){function n(){nb("Cannot call "+p+" due to unbound types",m)}l=l[0];var p=l.name+"."+b;b.startsWith("@@")&&(b=Symbol[b.substring(2)]);k&&l.N.ja.push(b);var r=l.N.X,u=r[b];void 0===u||void 0===u.S&&u.className!==l.name&&u.Z===c-2?(n.Z=c-2,n.className=l.name,r[b]=n):(ab(r,b,p),r[b].S[c-2]=n);V([],m,function(t){t=ob(p,t,l,f,g);void 0===r[b].S?(t.Z=c-2,r[b]=t):r[b].S[c-2]=t;return[]});return[]})}',
  'a:function(a,b,c,d,e,f,g,k){b=N(b);V([],[a],function(l){var t;function n(){if(!t){var m=pb(c,d);V([],m,function(x){t=ob(p,x,l,Z(e,f),g);return[]});t||nb("Cannot call "+p+" due to unbound types",m);r[b]===n?(t.Z=c-2,r[b]=t):void 0!==r[b].S&&r[b].S[c-2]===n&&(r[b].S[c-2]=t)}return t.apply(this,arguments)}l=l[0];var p=l.name+"."+b;b.startsWith("@@")&&(b=Symbol[b.substring(2)]);k&&l.N.ja.push(b);var r=l.N.X,u=r[b];void 0===u||void 0===u.S&&u.className!==l.name&&u.Z===c-2?(n.Z=c-2,n.className=l.name,r[b]=n):(ab(r,b,p),r[b].S[c-2]=n);return[]})}',
];
const YOGA_SCRIPT_DIR = ['var _scriptDir = import.meta.url;', 'var _scriptDir = "";'];
const YOGA_NO_AWAIT = [
  'const Yoga = wrapAssembly(await loadYoga());',
  'const yogaModule = {};\nloadYoga(yogaModule);\nconst Yoga = wrapAssembly(yogaModule);',
];

// Ink draws a frame as a grid of cells, an object per cell, each written character parsed from its
// line's ANSI codes and each row turned back into text by comparing every cell's styles with the
// one before: 5 to 8 ms of the wizard's first frame (14 lines of 80 columns), most before V8 has
// optimized any of it. Three shortcuts, each giving what the long way gives:
// - the blank cells of a frame are one object (no cell is ever changed, only replaced);
// - a line of printable ASCII (no ESC) is its characters, each one column wide, without styles;
// - a row in which no cell has a style is its characters' values.
// test/ui/ink-output-edits.test.ts holds the edited Output to Ink's own, frame by frame.
const BLANK_CELL =
  "                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });\n";
const ONE_BLANK_CELL = [
  BLANK_CELL,
  "                row.push(blankCell ??= { type: 'char', value: ' ', fullWidth: false, styles: [] });\n",
];
const BLANK_CELL_DECLARED = ['        const output = [];\n', '        const output = [];\n        let blankCell;\n'];
const ASCII_LINE_CELLS = [
  '            cached = styledCharsFromTokens(tokenize(line));\n',
  "            cached = /^[\\x20-\\x7e]*$/.test(line)\n                ? Array.from(line, (value) => ({ type: 'char', value, fullWidth: false, styles: [] }))\n                : styledCharsFromTokens(tokenize(line));\n",
];
const UNSTYLED_ROW = [
  'export function styledCharsToString(chars) {\n    let ret = "";\n',
  'export function styledCharsToString(chars) {\n    let ret = "";\n    if (chars.every((char) => char.styles.length === 0)) {\n        for (const char of chars)\n            ret += char.value;\n        return ret;\n    }\n',
];

// With DEV=true in the environment, Ink imports its devtools module (with a top-level await), which
// connects to React's devtools through react-devtools-core (not a dependency) and a WebSocket client.
// The bundle never connects to devtools, so DEV=true, a name shells and containers set for their own
// reasons, changes nothing.
const INK_NO_DEVTOOLS = ["        await import('./devtools.js');\n", ''];

// With DEV=true, Ink also read its package.json, for React's devtools only, from beside its own file
// (import.meta.url): in the bundle, the file above dist/, which need not be there. It gets what it
// uses without devtools.
const INK_PACKAGE_JSON = [
  "async function loadPackageJson() {\n    const fs = await import('node:fs');\n    const content = fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8');\n    return JSON.parse(content);\n}\nconst packageJson = isDev()\n    ? await loadPackageJson()\n    : { name: undefined, version: undefined };",
  'const packageJson = { name: undefined, version: undefined };',
];

// js-yaml's dumper picks each string's style by reading it a code point at a time through small
// functions (codePointAt, isPrintable, isPlainSafe), hundreds of thousands of calls for the
// templates' keys, ARNs and names, most before V8 optimizes them: 3 ms of a generate run on Node 20.
// A string of printable ASCII with no '#' and no ': ' (and, outside a block, no flow indicator
// ,[]{}) is one those loops find printable and plain-safe at every character; with no line width
// to track, what they compute is then what they started with, so the build skips them for such a
// string (one regex test).
// Then, to write a string plain, the dumper asks every implicit type of the schema whether it would
// read the string back as itself (null, a boolean, a number, a date, a merge key): 2 ms for
// thousands of names. None of js-yaml's own implicit types matches a string whose first character
// is none of ~ n N t T f F - + . 0-9 <, so such a string skips them, when the schema's implicit
// types are all js-yaml's own.
// And its repeat() built every line's indentation a space at a time (2 ms of the same run): the
// same count of copies, ceil(count), as String.prototype.repeat makes them.
// test/generators/js-yaml-edits.test.ts holds the edited js-yaml to the original: what it writes and reads.
// Shared by the dumper's and the loader's skips: whether the schema's implicit types are all
// js-yaml's own (asked once per run of the dumper or loader), and what a string one of those matches
// can start with.
const ONLY_OWN_IMPLICIT =
  'if (state.builtInImplicitOnly === undefined) state.builtInImplicitOnly = state.implicitTypes.every((type) => DEFAULT_SCHEMA.compiledImplicit.includes(type))';
const IMPLICIT_FIRST = '/^[~nNtTfF+\\-.0-9<]/';
const REPEAT_LOOP = [
  "  let result = ''\n\n  for (let cycle = 0; cycle < count; cycle += 1) {\n    result += string\n  }\n\n  return result\n",
  "  return count > 0 ? string.repeat(Math.ceil(count)) : ''\n",
];
// The loader asks the same of every plain scalar it reads (an answers file is mostly names): the
// same skip, for a scalar read as a string whose first character none of js-yaml's own implicit
// types starts with.
const LOADER_IMPLICIT_LOOP =
  '    for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {\n      type = state.implicitTypes[typeIndex]\n';
const LOADER_IMPLICIT_SKIP = [
  LOADER_IMPLICIT_LOOP,
  `    ${ONLY_OWN_IMPLICIT}\n    const skipImplicit = state.builtInImplicitOnly && typeof state.result === 'string' && state.result.length > 0 && !${IMPLICIT_FIRST}.test(state.result)\n${LOADER_IMPLICIT_LOOP.replace('typeIndex < typeQuantity;', '!skipImplicit && typeIndex < typeQuantity;')}`,
];
// And for every node it writes, the dumper asks each type of the schema whether it would represent it
// (instanceOf, then predicate: several Object.prototype.toString calls a node), for strings too,
// though none of js-yaml's own types, and no type with instanceOf, takes a string: a string skips
// the question when the schema has no other kind of type.
const DETECT_LOOP =
  'function detectType (state, object, explicit) {\n  const typeList = explicit ? state.explicitTypes : state.implicitTypes\n';
const DETECT_SKIP = [
  DETECT_LOOP,
  `${DETECT_LOOP}  if (typeof object === 'string') {\n    const known = explicit ? 'explicitTakeNoString' : 'implicitTakeNoString'\n    if (state[known] === undefined) state[known] = typeList.every((type) => type.instanceOf || DEFAULT_SCHEMA.compiledImplicit.includes(type) || DEFAULT_SCHEMA.compiledExplicit.includes(type))\n    if (state[known]) return false\n  }\n`,
];
const PLAIN_ASCII_LOOP = '  if (singleLineOnly || forceQuotes) {\n';
const PLAIN_ASCII_SKIP = [
  PLAIN_ASCII_LOOP,
  `  if (!shouldTrackWidth && (inblock ? /^(?:[\\x20-\\x22\\x24-\\x39\\x3b-\\x7e]|:(?! ))*$/ : /^(?:[\\x20-\\x22\\x24-\\x2b\\x2d-\\x39\\x3b-\\x5a\\x5c\\x5e-\\x7a\\x7c\\x7e]|:(?! ))*$/).test(string)) {\n  } else ${PLAIN_ASCII_LOOP.trimStart()}`,
];
const IMPLICIT_LOOP = 'function testImplicitResolving (state, str) {\n';
const IMPLICIT_SKIP = [
  IMPLICIT_LOOP,
  `${IMPLICIT_LOOP}  ${ONLY_OWN_IMPLICIT}\n  if (state.builtInImplicitOnly && str.length > 0 && !${IMPLICIT_FIRST}.test(str)) return false\n`,
];

// Node modules the wizard never uses on Linux or in a terminal whose size is known, loaded by Ink's
// dependencies with the screens' file: about 3 ms of Node 22's time to the first keys, the floor's too.
// - child_process (0.8 ms, net and dgram with it): terminal-size runs tput or resize only when the
//   terminal does not tell its size.
// - assert (0.9 ms): signal-exit checks its one argument with assert.equal; assert loads on a failure.
// - os (0.3 ms): ansi-escapes and chalk's supports-color read os.release() on Windows only.
// - The perf_hooks modules (1 ms): React's scheduler keeps time with performance.now() when there is
//   one (touching the global loads them), else with Date, as it does elsewhere; Ink times each frame
//   for an onRender callback the screens never pass.
const NO_CHILD_PROCESS = [
  "import {execFileSync} from 'node:child_process';",
  "const execFileSync = (...arguments_) => require('node:child_process').execFileSync(...arguments_);",
];
const NO_ASSERT = [
  "  var assert = require('assert')\n",
  "  var assert = { equal: function (actual, expected, message) { if (actual != expected) require('assert').equal(actual, expected, message) } }\n",
];
const OS_ON_USE = ["import os from 'node:os';", "const os = { release: () => require('node:os').release() };"];
const SCHEDULER_DATE = [
  'if ("object" === typeof performance && "function" === typeof performance.now) {',
  'if (false) {',
];
const INK_FRAME_TIME = [
  '        const startTime = performance.now();\n',
  '        const startTime = this.options.onRender ? performance.now() : 0;\n',
];

// Modules that build tables when they load, which the wizard's first screen never reads: each is
// loaded, or builds them, on first use instead (test/ui/ink-load-edits.test.ts holds each to the original).
// - stack-utils (1 ms on Node 22): Ink's error screen parses stack lines with it, and building it
//   loads node:module's list of Node's modules and makes a regex for each. The cwd is still read
//   when Ink loads, as before.
// - figures (0.5 ms): ink-select-input's pointer, a table of some 150 symbols built twice.
// - environment (0.3 ms): ansi-escapes asks it only whether this is a browser, and asking Node for
//   globalThis.navigator (its other answers) loads Node's navigator. The same test, inline.
const STACK_UTILS_IMPORT = ["import StackUtils from 'stack-utils';\n", ''];
const STACK_UTILS_ON_USE = [
  'const stackUtils = new StackUtils({\n    cwd: cwd(),\n    internals: StackUtils.nodeInternals(),\n});\n',
  "const stackUtilsCwd = cwd();\nlet stackUtilsBuilt;\nconst stackUtils = {\n    parseLine(line) {\n        if (!stackUtilsBuilt) {\n            const StackUtils = require('stack-utils');\n            stackUtilsBuilt = new StackUtils({ cwd: stackUtilsCwd, internals: StackUtils.nodeInternals() });\n        }\n        return stackUtilsBuilt.parseLine(line);\n    },\n};\n",
];
// Ink's error screen imports node:fs as a namespace, which esbuild makes a copy of when the screen
// loads (a getter per export, about 100): it takes node:fs itself, which it uses the same way.
const ERROR_SCREEN_FS = ["import * as fs from 'node:fs';\n", "const fs = require('node:fs');\n"];
const FIGURES_IMPORT = ["import figures from 'figures';\n", ''];
const FIGURES_ON_USE = ['figures.pointer', "require('figures').default.pointer"];
const IS_BROWSER = [
  "import {isBrowser} from 'environment';",
  'const isBrowser = globalThis.window?.document !== undefined;',
];

/** Per file under node_modules (as npm ci lays out package-lock.json): what it gets, and the edits. */
export const DEPENDENCY_EDITS = {
  'string-width/index.js': {
    prepend: GRAPHEMES,
    edits: [segmenterOnUse('const segmenter = new Intl.Segmenter();'), RGI_REGEX, RGI_TEST, ...STRING_WIDTH_ON_USE],
  },
  'wrap-ansi/node_modules/string-width/index.js': {
    prepend: GRAPHEMES,
    edits: [
      segmenterOnUse('const segmenter = new Intl.Segmenter();'),
      ...REGEX_STAND_INS['wrap-ansi/node_modules/string-width/index.js'],
    ],
  },
  'slice-ansi/tokenize-ansi.js': {
    prepend: GRAPHEMES,
    edits: [
      segmenterOnUse("const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});"),
      ...REGEX_STAND_INS['slice-ansi/tokenize-ansi.js'],
    ],
  },
  '@alcalzone/ansi-tokenize/build/tokenize.js': {
    prepend: GRAPHEMES,
    edits: [segmenterOnUse('const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });')],
  },
  '@alcalzone/ansi-tokenize/build/diff.js': { prepend: '', edits: [SAME_STYLES_NO_DIFF] },
  'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js': {
    prepend: '',
    edits: [YOGA_BASE64, YOGA_SYNC, YOGA_SCRIPT_DIR, YOGA_LAZY_METHODS],
  },
  'yoga-layout/dist/src/index.js': { prepend: '', edits: [YOGA_NO_AWAIT] },
  'ink/build/reconciler.js': { prepend: '', edits: [INK_NO_DEVTOOLS, INK_PACKAGE_JSON] },
  'ink/build/ink.js': { prepend: '', edits: [INK_FRAME_TIME] },
  'ink/build/components/ErrorOverview.js': {
    prepend: '',
    edits: [ERROR_SCREEN_FS, STACK_UTILS_IMPORT, STACK_UTILS_ON_USE],
  },
  'ink-select-input/build/Indicator.js': { prepend: '', edits: [FIGURES_IMPORT, FIGURES_ON_USE] },
  'ink/build/output.js': { prepend: '', edits: [BLANK_CELL_DECLARED, ONE_BLANK_CELL, ASCII_LINE_CELLS] },
  '@alcalzone/ansi-tokenize/build/styledChars.js': { prepend: '', edits: [UNSTYLED_ROW] },
  'terminal-size/index.js': { prepend: '', edits: [NO_CHILD_PROCESS] },
  'signal-exit/index.js': { prepend: '', edits: [NO_ASSERT] },
  'ansi-escapes/base.js': { prepend: '', edits: [OS_ON_USE, IS_BROWSER] },
  'chalk/source/vendor/supports-color/index.js': { prepend: '', edits: [OS_ON_USE] },
  'scheduler/cjs/scheduler.production.js': { prepend: '', edits: [SCHEDULER_DATE] },
  'js-yaml/lib/dumper.js': { prepend: '', edits: [PLAIN_ASCII_SKIP, IMPLICIT_SKIP, DETECT_SKIP] },
  'js-yaml/lib/common.js': { prepend: '', edits: [REPEAT_LOOP] },
  'js-yaml/lib/loader.js': { prepend: '', edits: [LOADER_IMPLICIT_SKIP] },
};

/**
 * The edits of Ink and what it loads: a build of Ink alone (the bench's floor) loads neither js-yaml
 * nor ink-select-input (the wizard's lists).
 */
export const INK_EDITS = Object.fromEntries(
  Object.entries(DEPENDENCY_EDITS).filter(
    ([file]) => !file.startsWith('js-yaml/') && !file.startsWith('ink-select-input/'),
  ),
);

/** The esbuild plugin that makes `edits` (all of DEPENDENCY_EDITS, or INK_EDITS), and fails a build that did not load each file. */
export const dependencyEdits = (edits = DEPENDENCY_EDITS) => ({
  name: 'dependency-edits',
  setup(b) {
    const edited = new Set();
    b.onStart(() => edited.clear());
    const files = Object.keys(edits).map((file) => file.replace(/[.@]/g, '\\$&').replaceAll('/', '[\\\\/]'));
    b.onLoad({ filter: new RegExp(`[\\\\/]node_modules[\\\\/](${files.join('|')})$`) }, async (args) => {
      // The path below the first node_modules: the same wherever node_modules is (a linked one too).
      const file = args.path
        .split(sep)
        .join('/')
        .replace(/^.*?\/node_modules\//, '');
      const entry = edits[file];
      if (!entry) return undefined;
      edited.add(file);
      const code = await readFile(args.path, 'utf8');
      return { contents: entry.prepend + replaceOnce(code, args.path, entry.edits), loader: 'js' };
    });
    b.onEnd((result) => {
      if (result.errors.length > 0) return;
      const missed = Object.keys(edits).filter((file) => !edited.has(file));
      if (missed.length > 0)
        return { errors: [{ text: `dependency edits for files the build did not load: ${missed.join(', ')}` }] };
    });
  },
});
