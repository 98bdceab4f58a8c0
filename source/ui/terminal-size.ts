// The usable size of the terminal (screenSize), updated on resize. 60 columns is the narrowest the
// screens are designed for.
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';
import { screenSize } from '../text/welcome-text.ts';

export type TerminalSize = ReturnType<typeof screenSize>;

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => screenSize(stdout));
  useEffect(() => {
    const update = () => setSize(screenSize(stdout));
    stdout.on('resize', update);
    return () => void stdout.off('resize', update);
  }, [stdout]);
  return size;
}
