// The package's version alone, for what every command prints first (--help, --version): source/version.ts
// also holds the answers file's JSON Schema, which only generating needs.
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
