// Types of scripts/esm-faces.mjs, for the tests that import it.
import type { Plugin } from 'esbuild';

export const FACED_PACKAGES: string[];
export const FACED_BUILTINS: string[];
export function esmFaces(root: string): Plugin;
