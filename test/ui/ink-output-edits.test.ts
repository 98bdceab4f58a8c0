// Ink's frame builder (its Output class) as the bundle edits it (scripts/dependency-edits.mjs: one
// blank cell, ASCII lines without parsing, unstyled rows joined): bundled here with and without the
// edits, it must draw the same frames for any writes, styles, wide characters and clips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editedBundle, editsOf } from '../support/edited-bundle.ts';

// The frame builder and the files it loads that the bundle edits.
const EDITED = [
  'ink/build/output.js',
  '@alcalzone/ansi-tokenize/build/styledChars.js',
  '@alcalzone/ansi-tokenize/build/diff.js',
  '@alcalzone/ansi-tokenize/build/tokenize.js',
  'string-width/index.js',
  'slice-ansi/tokenize-ansi.js',
];

interface Output {
  write(x: number, y: number, text: string, options: { transformers: ((line: string) => string)[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (options: { width: number; height: number }) => Output;

async function outputClass(edits: ReturnType<typeof editsOf>): Promise<OutputClass> {
  return (await editedBundle<OutputClass>("require('./node_modules/ink/build/output.js').default", edits)).value;
}

const DIM = (text: string) => `\u001B[2m${text}\u001B[22m`;
const RED = (text: string) => `\u001B[31m${text}\u001B[39m`;
const piece = fc.constantFrom(
  ...['a', 'Step 1 of 22', ' ', '  ', '-', '~', 'x'.repeat(12), '◀──●──▶', '·', '中文', '😀', 'e\u0301'],
  ...[DIM('dim'), RED('red'), DIM(RED('both')), '\u001B[1mbold', '\u001B[0m', '\n', 'tab\there'],
);
const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('write' as const), x: fc.nat(20), y: fc.nat(5), text }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('clip' as const),
      x1: fc.nat(10),
      x2: fc.nat(25),
      y1: fc.option(fc.nat(3), { nil: undefined }),
      y2: fc.option(fc.nat(6), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'unclip' as const }) },
);

type Operation =
  | { type: 'write'; x: number; y: number; text: string }
  | { type: 'clip'; x1: number; x2: number; y1?: number; y2?: number }
  | { type: 'unclip' };

describe("the bundle's Ink frame builder", () => {
  it('draws what Ink draws, for any writes, styles, wide characters and clips', async () => {
    const framing = ['ink/build/output.js', '@alcalzone/ansi-tokenize/build/styledChars.js'];
    // The original: the same bundle with every edit but the frame builder's.
    const [Edited, Original] = await Promise.all([
      outputClass(editsOf(EDITED)),
      outputClass(editsOf(EDITED.filter((file) => !framing.includes(file)))),
    ]);
    const frame = (Output: OutputClass, width: number, height: number, operations: Operation[]) => {
      const output = new Output({ width, height });
      for (const op of operations) {
        if (op.type === 'write') output.write(op.x, op.y, op.text, { transformers: [] });
        else if (op.type === 'clip') output.clip(op);
        else output.unclip();
      }
      return output.get();
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(operation, { maxLength: 8 }),
        (width, height, ops) => {
          expect(frame(Edited, width, height, ops)).toEqual(frame(Original, width, height, ops));
        },
      ),
      { numRuns: 5_000, seed: 23 },
    );
  });
});
