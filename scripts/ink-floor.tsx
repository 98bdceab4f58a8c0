// The floor under the wizard's "ready for keys": a bare Ink app that draws one line and reads keys,
// started the way the wizard starts (the compile cache on, then Ink loaded through loadUi) and bundled
// as the CLI is, with the same edits to Ink's dependencies. scripts/bench.mjs times it beside the
// wizard, so the figures show how much of the wizard's start is Ink, React and yoga themselves.
import { enableCompileCache } from '../source/compile-cache.ts';
import { loadUi } from '../source/commands/load-ui.ts';

enableCompileCache();
const { render, Text, useInput } = await loadUi(() => import('ink'));

function Floor() {
  useInput(() => undefined);
  return <Text>Enter start</Text>;
}

render(<Floor />);
