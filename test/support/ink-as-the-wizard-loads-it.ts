// A setup file of the unit tier (vitest.unit.config.ts). Ink reads CI once, when it loads, and in CI
// mode draws nothing until the app exits; the wizard loads it through loadUi, which hides CI
// meanwhile. The unit tier's files share one module graph per worker (isolate: false), so the first
// file to import Ink decided for every file after it: with CI set, a screen test that imports Ink
// directly left the host tests a silent Ink. Loaded here first, before any file, the wizard's way.
import { loadUi } from '../../source/commands/load-ui.ts';

await loadUi(() => import('ink'));
