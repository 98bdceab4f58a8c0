// The bundle's edits that put off a dependency's tables until first use (scripts/dependency-edits.mjs):
// Ink's error screen builds stack-utils when it first parses a stack (and reads source files through
// node:fs itself, not a copy of it), ink-select-input's pointer loads figures when it is drawn, and
// ansi-escapes tests for a browser itself instead of through environment. Each is bundled here with
// and without its edit, and must draw or answer the same.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { esmFaces } from '../../scripts/esm-faces.mjs';
import {
  INK_EDITS,
  REGEX_STAND_INS,
  REGEXES_ON_FIRST_TEST,
  STRING_WIDTH_ON_USE,
  dependencyEdits,
} from '../../scripts/dependency-edits.mjs';
import { editedBundle, editsOf } from '../support/edited-bundle.ts';

// What Ink needs to be bundled as one CommonJS file at all (yoga's and devtools' top-level awaits).
const INK_BUNDLE = [
  'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
  'yoga-layout/dist/src/index.js',
  'ink/build/reconciler.js',
];

/** A function drawing `component` with `props` in ink-testing-library, bundled with `edited` edited too. */
async function drawer<P>(component: string, edited: string[]): Promise<(props: P) => string> {
  const exported = `(() => {
    const React = require('react');
    const { render } = require('ink-testing-library');
    const Component = require(${JSON.stringify(component)}).default;
    return (props) => {
      const view = render(React.createElement(Component, props));
      const frame = view.lastFrame();
      view.unmount();
      return frame;
    };
  })()`;
  return (await editedBundle<(props: P) => string>(exported, editsOf([...INK_BUNDLE, ...edited]))).value;
}

/**
 * `exported` (an expression of `require`) bundled with `file`'s edits but `leftOut`, and with all of
 * them: [before, after].
 */
function withAndWithout<T>(file: string, exported: string, leftOut: readonly [string, string][]) {
  const all = editsOf([file])[file]!;
  const without = all.edits.filter((edit) => !leftOut.includes(edit));
  expect(without.length).toBe(all.edits.length - leftOut.length); // the check can fail: each one is there
  return Promise.all([
    editedBundle<T>(exported, { [file]: { ...all, edits: without } }),
    editedBundle<T>(exported, { [file]: all }),
  ]);
}

// Texts for the text packages: ASCII, the welcome's symbols, what their regexes tell apart (a soft
// hyphen, marks, a spacing mark, emoji and their sequences, jamo, zero-width and ignorable characters,
// halfwidth forms, the two emoji among the geometric shapes) and ANSI codes.
const textPiece = fc.constantFrom(
  ...['a', ' ', '\t', '·', '◀', '●', '─', '▶', '◽', '\u00ad', 'é', 'ÿ', '\u02ff', '\u0300', 'e\u0301'],
  ...['中文', '😀', '👩\u200d💻', '1\u20e3', '\ufe0f', '\u1100\u1161', '\u1100', 'ｶﾞ', '\u0915\u093e'],
  ...['\u0900\u093e', '\u200b', '\u2060', '\u034f', '\u001B[31mred\u001B[39m'],
);
const text = fc.array(textPiece, { maxLength: 8 }).map((parts) => parts.join(''));

describe("Ink's error screen, with stack-utils built on first use and node:fs taken whole", () => {
  const ERROR_OVERVIEW = './node_modules/ink/build/components/ErrorOverview.js';

  it('draws any error as Ink does', { timeout: 60_000 }, async () => {
    type Props = { error: Error };
    const [ink, edited] = await Promise.all([
      drawer<Props>(ERROR_OVERVIEW, []),
      drawer<Props>(ERROR_OVERVIEW, ['ink/build/components/ErrorOverview.js']),
    ]);
    const thisFile = new URL(import.meta.url).pathname;
    const frame = fc.oneof(
      fc.constantFrom(
        `    at Object.<anonymous> (${thisFile}:3:1)`, // a file that exists: an excerpt of it
        `    at file://${process.cwd()}/test/ui/ink-load-edits.test.ts:5:9`,
        '    at node:internal/modules/cjs/loader:1554:14',
        '    at Module._compile (node:internal/modules/cjs/loader:1554:14)',
        '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
        '    at new Promise (<anonymous>)',
        '    at async Promise.all (index 0)',
        'not a frame at all',
      ),
      fc
        .tuple(
          fc.stringMatching(/^[\w.<>]{1,12}$/),
          fc.stringMatching(/^(\/[\w.-]{1,8}){1,3}$/),
          fc.nat(400),
          fc.nat(80),
        )
        .map(([fn, path, line, column]) => `    at ${fn} (${path}.js:${line}:${column})`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 30 }),
        fc.uniqueArray(frame, { maxLength: 5 }),
        async (message, frames) => {
          const error = new Error(message);
          error.stack = [`Error: ${message}`, ...frames].join('\n');
          expect(edited({ error })).toBe(ink({ error }));
        },
      ),
      { numRuns: 60 },
    );
    // The check can fail: the excerpt of an existing file is drawn, and differs from a frame without one.
    const withExcerpt = new Error('x');
    withExcerpt.stack = `Error: x\n    at f (${thisFile}:3:1)`;
    expect(ink({ error: withExcerpt })).toContain('import');
    expect(edited({ error: withExcerpt })).toBe(ink({ error: withExcerpt }));
  });
});

describe("ink-select-input's pointer, with figures loaded on first use", () => {
  const INDICATOR = './node_modules/ink-select-input/build/Indicator.js';

  it('draws as before, in a terminal with Unicode and in one without', { timeout: 60_000 }, async () => {
    type Props = { isSelected: boolean };
    for (const term of ['xterm-256color', 'linux']) {
      const saved = process.env.TERM;
      process.env.TERM = term; // figures decides when it loads: each bundle loads here
      try {
        const [ink, edited] = await Promise.all([
          drawer<Props>(INDICATOR, []),
          drawer<Props>(INDICATOR, ['ink-select-input/build/Indicator.js']),
        ]);
        for (const isSelected of [true, false]) expect(edited({ isSelected }), term).toBe(ink({ isSelected }));
        expect(edited({ isSelected: true }), term).toContain(term === 'linux' ? '>' : '❯');
      } finally {
        if (saved === undefined) delete process.env.TERM;
        else process.env.TERM = saved;
      }
    }
  });
});

describe('ansi-escapes, asking no more of its environment than whether it is a browser', () => {
  it("inlines environment's own test, word for word", () => {
    const environment = readFileSync('node_modules/environment/index.js', 'utf8');
    expect(environment).toContain('export const isBrowser = globalThis.window?.document !== undefined;\n');
  });

  it('exports the same sequences', async () => {
    type Escapes = Record<string, unknown>;
    const bundle = (edited: string[]) =>
      editedBundle<Escapes>("require('./node_modules/ansi-escapes/base.js')", editsOf(edited));
    const [ansi, edited] = await Promise.all([bundle([]), bundle(['ansi-escapes/base.js'])]);
    expect(edited.code).not.toContain('navigator');
    expect(ansi.code).toContain('navigator'); // the check can fail: environment asks for it
    expect(Object.keys(edited.value).sort()).toEqual(Object.keys(ansi.value).sort());
    // A function's answer to the arguments; an object of functions (iTerm, ConEmu), each one's.
    const answer = (value: unknown, args: unknown[]): unknown => {
      if (typeof value === 'object' && value !== null)
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, answer(inner, args)]));
      if (typeof value !== 'function') return value;
      try {
        return value(...args);
      } catch (error) {
        return `threw ${(error as Error).message}`;
      }
    };
    for (const args of [[], [2], [3, 4], ['text', 'https://example.com']])
      for (const name of Object.keys(ansi.value))
        expect(answer(edited.value[name], args), name).toEqual(answer(ansi.value[name], args));
  });
});

describe('string-width, with its visible-character regex built on first use', () => {
  type StringWidth = (
    text: string,
    options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean },
  ) => number;
  // Both with the edits before these (the segmenter, the emoji regex), which ink-output-edits.test.ts covers.
  const file = 'string-width/index.js';
  const bundles = () =>
    withAndWithout<StringWidth>(file, `require('./node_modules/${file}').default`, STRING_WIDTH_ON_USE);

  it('stands in for each regex it builds on first use at every place the module uses it', () => {
    // A regex that became a function: a use the edit does not know of (an upgrade's) would get the
    // function. The edit's anchors are each found once; these are all the module's uses.
    const code = readFileSync('node_modules/string-width/index.js', 'utf8');
    const uses = (name: string) => code.split(name).length - 1;
    expect(uses('visibleCharacterRegex')).toBe(3); // the declaration, search() and test()
    expect(uses('extendedPictographicRegex')).toBe(2); // the declaration and match()
  });

  it('measures every code point of the blocks it shortcuts, and their neighbours, as before', async () => {
    const [before, after] = await bundles();
    expect(after.code).toContain('visibleCharacterRegexBuilt');
    expect(before.code).not.toContain('visibleCharacterRegexBuilt');
    const blocks = [
      [0x00, 0x310],
      [0x2000, 0x2030],
      [0x2180, 0x2210],
      [0x24f0, 0x2610],
    ];
    for (const [first, last] of blocks)
      for (let code = first!; code <= last!; code++)
        for (const ambiguousIsNarrow of [true, false]) {
          const text = String.fromCodePoint(code);
          expect(after.value(text, { ambiguousIsNarrow }), code.toString(16)).toBe(
            before.value(text, { ambiguousIsNarrow }),
          );
        }
  });

  it('measures any text as before', { timeout: 60_000 }, async () => {
    const [before, after] = await bundles();
    await fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (value, narrow, ansi) => {
        const options = { ambiguousIsNarrow: narrow, countAnsiEscapeCodes: ansi };
        expect(after.value(value, options), JSON.stringify(value)).toBe(before.value(value, options));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the regexes of Unicode properties, built on first test', () => {
  it('stand in only for regexes their module only tests, without g or y', () => {
    for (const [file, regexes] of Object.entries(REGEXES_ON_FIRST_TEST)) {
      const code = readFileSync(`node_modules/${file}`, 'utf8');
      for (const [name, source, flags] of regexes) {
        expect(code, file).toContain(`const ${name} = /${source}/${flags};`);
        expect(flags, name).not.toMatch(/[gy]/);
        const uses = code.split(name).length - 1;
        expect(code.split(`${name}.test(`).length - 1, `${file}: ${name}`).toBe(uses - 1);
      }
    }
  });

  it("wrap-ansi's string-width measures any text as before", async () => {
    type Width = (text: string, options?: { ambiguousIsNarrow?: boolean }) => number;
    const file = 'wrap-ansi/node_modules/string-width/index.js';
    const [before, after] = await withAndWithout<Width>(
      file,
      `require('./node_modules/${file}').default`,
      REGEX_STAND_INS[file]!,
    );
    await fc.assert(
      fc.property(text, fc.boolean(), (value, narrow) => {
        expect(after.value(value, { ambiguousIsNarrow: narrow })).toBe(
          before.value(value, { ambiguousIsNarrow: narrow }),
        );
      }),
      { numRuns: 300 },
    );
  });

  // slice-ansi's emoji-presentation test never decides a width alone (each such code point is also
  // fullwidth, which it asks first): this holds the rest of the file; the first test, the regex.
  it('slice-ansi cuts any text as before', async () => {
    type Slice = (text: string, start: number, end?: number) => string;
    const file = 'slice-ansi/tokenize-ansi.js';
    const [before, after] = await withAndWithout<Slice>(
      file,
      "require('./node_modules/slice-ansi/index.js').default",
      REGEX_STAND_INS[file]!,
    );
    await fc.assert(
      fc.property(text, fc.nat(12), fc.nat(12), (value, start, length) => {
        expect(after.value(value, start, start + length)).toBe(before.value(value, start, start + length));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the bench's floor", () => {
  // scripts/bench.mjs builds a bare Ink app with INK_EDITS: each file they edit must be one it loads.
  it('builds with the edits of Ink and what it loads', { timeout: 60_000 }, async () => {
    const result = await build({
      entryPoints: ['scripts/ink-floor.tsx'],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      write: false,
      logLevel: 'silent',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [dependencyEdits(INK_EDITS), esmFaces(process.cwd())],
    });
    expect(result.errors).toEqual([]);
  });
});
