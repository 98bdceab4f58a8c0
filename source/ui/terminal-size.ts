// The usable size of the terminal, updated on resize. Screens are at most 80 columns wide so lines
// stay readable on wide terminals; 60 columns is the narrowest they are designed for.
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export const MAX_WIDTH = 80;

export interface TerminalSize {
  width: number;
  rows: number;
}

function measure(stdout: NodeJS.WriteStream): TerminalSize {
  return { width: Math.min(stdout.columns || MAX_WIDTH, MAX_WIDTH), rows: stdout.rows || 24 };
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => measure(stdout));
  useEffect(() => {
    const update = () => setSize(measure(stdout));
    stdout.on('resize', update);
    return () => void stdout.off('resize', update);
  }, [stdout]);
  return size;
}
