// loadUi prepares the environment Ink and chalk read when they load, and gives it back afterwards.
import { describe, expect, it } from 'vitest';
import { loadUi } from '../../source/commands/load-ui.ts';

describe('loadUi', () => {
  it('hides CI and CONTINUOUS_INTEGRATION while loading, then restores them', async () => {
    const env: NodeJS.ProcessEnv = { CI: 'true', CONTINUOUS_INTEGRATION: '1', PATH: '/bin' };
    const seen = await loadUi(async () => ({ ...env }), env);
    expect(seen).toEqual({ PATH: '/bin' });
    expect(env).toEqual({ CI: 'true', CONTINUOUS_INTEGRATION: '1', PATH: '/bin' });
  });

  it('restores them when loading fails', async () => {
    const env: NodeJS.ProcessEnv = { CI: '1' };
    await expect(loadUi(() => Promise.reject(new Error('boom')), env)).rejects.toThrow('boom');
    expect(env).toEqual({ CI: '1' });
  });

  it('maps NO_COLOR to FORCE_COLOR=0; an empty NO_COLOR is not set', async () => {
    const set: NodeJS.ProcessEnv = { NO_COLOR: '1' };
    await loadUi(async () => undefined, set);
    expect(set.FORCE_COLOR).toBe('0');
    const empty: NodeJS.ProcessEnv = { NO_COLOR: '' };
    await loadUi(async () => undefined, empty);
    expect(empty.FORCE_COLOR).toBeUndefined();
  });

  it('hides fetch while loading (yoga then decodes its wasm without loading undici), then restores it', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    const seen = await loadUi(async () => typeof globalThis.fetch, {});
    expect(seen).toBe('undefined');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
    await expect(loadUi(() => Promise.reject(new Error('boom')), {})).rejects.toThrow('boom');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
  });
});
