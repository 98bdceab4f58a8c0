// Types of scripts/dependency-edits.mjs, for the tests that import it.
import type { Plugin } from 'esbuild';

export interface DependencyEdit {
  prepend: string;
  edits: [anchor: string, replacement: string][];
}
export const DEPENDENCY_EDITS: Record<string, DependencyEdit>;
export const INK_EDITS: Record<string, DependencyEdit>;
export const STRING_WIDTH_ON_USE: [anchor: string, replacement: string][];
export const YOGA_LAZY_METHODS: [anchor: string, replacement: string];
export const REGEXES_ON_FIRST_TEST: Record<string, [name: string, source: string, flags: string][]>;
export const REGEX_STAND_INS: Record<string, [anchor: string, replacement: string][]>;
export function dependencyEdits(edits?: Record<string, DependencyEdit>): Plugin;
export function replaceOnce(code: string, file: string, edits: [string, string][]): string;
