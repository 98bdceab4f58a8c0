// The SDK costs ~0.5 s to load: only lookup and audit may pay it. Scans the built chunks: what the
// entry, recommend, generate, the wizard, the workshop and schema load statically never contains the SDK.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST, chunk, dynamicImports, readChunk as read, startClosure, staticClosure } from '../support/bundle.ts';
import { assertBuilt } from '../support/cli.ts';

const SDK_MARKER = 'DescribeImagesCommand'; // a string literal in the SDK's command class, kept by minification

describe('the bundle', () => {
  it('recommend, generate and the wizard never load the SDK; audit and lookup do, lazily', () => {
    assertBuilt();
    const atStart = startClosure();
    const entryDynamic = [...atStart].flatMap((f) => dynamicImports(f));
    const commands = ['recommend', 'generate', 'wizard', 'workshop', 'schema'];
    const found = commands.map(chunk);
    expect(found.every(Boolean), `chunks found for ${commands.join(', ')}: ${found.join(', ')}`).toBe(true);
    for (const file of atStart) expect(read(file), `${file} (loaded at start)`).not.toContain(SDK_MARKER);
    for (const start of found as string[]) {
      for (const file of staticClosure(start))
        expect(read(file), `${file} (loaded with ${start})`).not.toContain(SDK_MARKER);
    }

    // The control: the marker is in the bundle, behind a dynamic import that only audit and lookup reach.
    const sdkChunks = readdirSync(DIST).filter((f) => f.endsWith('.js') && read(f).includes(SDK_MARKER));
    expect(sdkChunks.length).toBeGreaterThan(0);
    for (const command of ['audit', 'lookup']) {
      const file = chunk(command)!;
      expect(entryDynamic).toContain(file);
      const lazilyLoaded = [...staticClosure(file)].flatMap((f) => dynamicImports(f));
      expect(lazilyLoaded, command).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(sdkChunks.map((c) => c.replace('.', '\\.')).join('|'))),
        ]),
      );
      for (const f of staticClosure(file))
        expect(read(f), `${f} (static part of ${command})`).not.toContain(SDK_MARKER);
    }
  });
});
