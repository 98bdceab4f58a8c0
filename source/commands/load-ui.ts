// The interactive UI (Ink, React, chalk) loads only through here. Ink and chalk read the environment
// once, when they load, so two settings are made first:
// - NO_COLOR (no-color.org) becomes FORCE_COLOR=0, the only switch chalk reads;
// - CI and CONTINUOUS_INTEGRATION are hidden while the UI loads, then put back. In CI mode Ink draws
//   nothing until the app exits, and the wizard only ever runs on a terminal (main.ts refuses
//   otherwise), where CI=true (set by some dev containers and shells) would mean a blank screen.
// fetch is hidden too: Ink's layout engine (yoga, WebAssembly) then decodes its inlined wasm at once
// instead of through fetch, which would load Node's HTTP client (undici) for nothing, tens of ms.
// (The bundle's yoga is compiled in place and never asks, scripts/dependency-edits.mjs; Ink loaded
// from source, as in the tests, still would.)
const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

export async function loadUi<T>(load: () => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') env.FORCE_COLOR = '0';
  const hidden = CI_VARIABLES.filter((key) => key in env).map((key) => [key, env[key]] as const);
  for (const [key] of hidden) delete env[key];
  // Read as a descriptor: reading globalThis.fetch itself would load undici, the cost being avoided.
  const fetchDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetchDescriptor)
    Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    for (const [key, value] of hidden) env[key] = value;
    if (fetchDescriptor) Object.defineProperty(globalThis, 'fetch', fetchDescriptor);
  }
}
