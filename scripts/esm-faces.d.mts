// Types of scripts/esm-faces.mjs, for the tests that import it.
import type { Plugin } from 'esbuild';

export const FACED_PACKAGES: string[];
export function importsWholeOnly(source: string, specifier: string): boolean;
export function esmFaces(root: string): Plugin;
