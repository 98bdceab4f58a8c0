// The workshop's opening screen (spectrum-screen.tsx) has no state of its own: Enter goes on to the
// questions, Esc quits (it is the first screen).
export type SpectrumKey = 'enter' | 'escape' | 'other';

export function pressSpectrumKey(key: SpectrumKey): 'next' | 'back' | undefined {
  return key === 'enter' ? 'next' : key === 'escape' ? 'back' : undefined;
}
