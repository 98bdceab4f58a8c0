// The bundle's edit that makes yoga's methods build their callers on first call
// (scripts/dependency-edits.mjs, YOGA_LAZY_METHODS): yoga bundled with and without it must lay out
// every tree the same, and fail the same way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YOGA_LAZY_METHODS } from '../../scripts/dependency-edits.mjs';
import { editedBundle, editsOf } from '../support/edited-bundle.ts';

type Yoga = typeof import('yoga-layout').default;
type YogaNode = ReturnType<Yoga['Node']['create']>;

const GLUE = 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';
const INDEX = 'yoga-layout/dist/src/index.js';
const exported = "require('./node_modules/yoga-layout/dist/src/index.js').default";

/** yoga bundled without the edit and with it, once for every test here. */
let bundled: Promise<[before: Yoga, after: Yoga]> | undefined;
const yogas = () => (bundled ??= bundleYogas());

async function bundleYogas(): Promise<[before: Yoga, after: Yoga]> {
  const edits = editsOf([GLUE, INDEX]);
  const glue = edits[GLUE]!;
  const without = glue.edits.filter((edit) => edit !== YOGA_LAZY_METHODS);
  expect(without.length).toBe(glue.edits.length - 1); // the check can fail: the edit is there
  const [before, after] = await Promise.all([
    editedBundle<Yoga>(exported, { ...edits, [GLUE]: { ...glue, edits: without } }),
    editedBundle<Yoga>(exported, edits),
  ]);
  return [before.value, after.value];
}

/** A box as Ink's styles set one: each setting a method of yoga's node. */
interface Box {
  column: boolean;
  width?: number;
  padding: number;
  margin: number;
  border: number;
  gap: number;
  grow: number;
  align: number;
  justify: number;
  /** A leaf with text of this many columns, measured as Ink measures text. */
  text?: number;
  children: Box[];
}

const box: fc.Memo<Box> = fc.memo((depth) =>
  fc.record({
    column: fc.boolean(),
    width: fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }),
    padding: fc.integer({ min: 0, max: 3 }),
    margin: fc.integer({ min: 0, max: 2 }),
    border: fc.integer({ min: 0, max: 1 }),
    gap: fc.integer({ min: 0, max: 2 }),
    grow: fc.integer({ min: 0, max: 2 }),
    align: fc.integer({ min: 0, max: 4 }),
    justify: fc.integer({ min: 0, max: 5 }),
    text: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    children: depth > 1 ? fc.array(box(depth - 1), { maxLength: 4 }) : fc.constant([]),
  }),
);

/** `spec` built with `yoga` and laid out 80 columns wide: every node's computed layout, in order. */
function layOut(yoga: Yoga, spec: Box): number[][] {
  const nodes: YogaNode[] = [];
  const build = (b: Box): YogaNode => {
    const node = yoga.Node.create();
    nodes.push(node);
    node.setFlexDirection(b.column ? yoga.FLEX_DIRECTION_COLUMN : yoga.FLEX_DIRECTION_ROW);
    if (b.width !== undefined) node.setWidth(b.width);
    node.setPadding(yoga.EDGE_ALL, b.padding);
    node.setMargin(yoga.EDGE_TOP, b.margin);
    node.setBorder(yoga.EDGE_ALL, b.border);
    node.setGap(yoga.GUTTER_COLUMN, b.gap);
    node.setFlexGrow(b.grow);
    node.setAlignItems(b.align);
    node.setJustifyContent(b.justify);
    if (b.children.length === 0 && b.text !== undefined) {
      const columns = b.text;
      node.setMeasureFunc((width) => {
        const room = Math.max(1, Math.floor(Number.isNaN(width) ? columns : width));
        return { width: Math.min(columns, room), height: Math.ceil(columns / room) };
      });
    } else b.children.forEach((child, i) => node.insertChild(build(child), i));
    return node;
  };
  const root = build(spec);
  root.calculateLayout(80, undefined, yoga.DIRECTION_LTR);
  const layouts = nodes.map((node) => {
    const { left, top, width, height } = node.getComputedLayout();
    return [left, top, width, height];
  });
  root.freeRecursive();
  return layouts;
}

describe("yoga's methods built on first call", () => {
  it('lay out every tree as the callers built at load do', { timeout: 60_000 }, async () => {
    const [before, after] = await yogas();
    fc.assert(
      fc.property(box(3), (spec) => {
        expect(layOut(after, spec)).toEqual(layOut(before, spec));
      }),
      { numRuns: 300 },
    );
  });

  it('fail as they did on a wrong call, and work when held before their first call', async () => {
    const [before, after] = await yogas();
    const failure = (yoga: Yoga) => {
      const node = yoga.Node.create() as unknown as Record<string, (...args: unknown[]) => unknown>;
      try {
        node.setFlexGrow!();
        return 'no error';
      } catch (error) {
        return String(error);
      }
    };
    expect(failure(after)).toBe(failure(before));
    expect(failure(after)).toContain('setFlexGrow');

    // As yoga's own wrapAssembly does: the method taken from the prototype before anything called it.
    const nodes = [after.Node.create(), after.Node.create()];
    const prototype = Object.getPrototypeOf(nodes[0]) as { getComputedWidth: (this: YogaNode) => number };
    const held = prototype.getComputedWidth;
    nodes.forEach((node, i) => {
      node.setWidth(10 + i);
      node.calculateLayout(undefined, undefined, after.DIRECTION_LTR);
    });
    expect(nodes.map((node) => held.call(node))).toEqual([10, 11]);
    expect(nodes.map((node) => node.getComputedWidth())).toEqual([10, 11]);
    // The caller built on the first call took the stand-in's place: later calls go straight to it.
    expect(prototype.getComputedWidth).not.toBe(held);
  });
});
