// The SDK costs ~0.5 s to load: only lookup and audit may pay it, and generate with --resolve. From
// esbuild's account of the bundle (test/support/bundle.ts): the SDK is one file of its own, which
// nothing loads at start, recommend, schema and the screens never load, and the others only later.
import { describe, expect, it } from 'vitest';
import { eagerInputs, inputsOf, loadedWith, mayLoad, startFiles } from '../support/bundle.ts';
import { assertBuilt } from '../support/cli.ts';

const SDK = 'aws-sdk.js';
const isSdk = (input: string) =>
  input.startsWith('node_modules/@aws-sdk/') || input.startsWith('node_modules/@smithy/');

describe('the bundle', () => {
  it('recommend, generate and the wizard never load the SDK; audit and lookup do, lazily', () => {
    assertBuilt();
    // The SDK's modules are in its own file, and there each client runs only when first asked for.
    expect(inputsOf(SDK).some(isSdk)).toBe(true);
    expect([...eagerInputs(SDK)].filter(isSdk)).toEqual([]);
    const others = ['cli.js', 'cli-main.js', 'recommend.js', 'generate.js', 'lookup.js', 'audit.js', 'screens.js'];
    for (const file of others) expect(inputsOf(file).filter(isSdk), file).toEqual([]);

    expect([...startFiles()]).not.toContain(SDK);
    for (const file of ['recommend.js', 'schema.js', 'wizard.js', 'workshop.js', 'screens.js'])
      expect([...mayLoad(file)], file).not.toContain(SDK);
    // The control: what talks to AWS reaches it, only once it does.
    for (const file of ['lookup.js', 'audit.js', 'generate.js']) {
      expect([...mayLoad(file)], file).toContain(SDK);
      expect([...loadedWith(file)], file).not.toContain(SDK);
    }
  });
});
