#!/usr/bin/env node
// The entry. V8's compile cache goes on first (compile-cache.ts), so the rest of the CLI, loaded by
// the one dynamic import below, is compiled from the cache when there is one: a static import would
// load it before the cache is on.
import { enableCompileCache } from './compile-cache.ts';

enableCompileCache();
await import('./cli-main.ts');
