// The floor under the wizard's "ready for keys": a bare Ink app that draws one line and reads keys,
// loaded the way the wizard loads Ink (through loadUi). scripts/bench.mjs bundles it and times it
// beside the wizard, so the figures show how much of the wizard's start is Ink, React and yoga
// themselves, which no change to this project's own code can remove.
import { loadUi } from '../source/commands/load-ui.ts';

const { render, Text, useInput } = await loadUi(() => import('ink'));

function Floor() {
  useInput(() => undefined);
  return <Text>Enter start</Text>;
}

render(<Floor />);
