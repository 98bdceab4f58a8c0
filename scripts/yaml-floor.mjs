// The floor under `recommend --json`: an ES module that reads the answers file, parses it with the
// YAML parser and schema the CLI uses, prints it as JSON, and does nothing else. scripts/bench.mjs
// times it beside recommend, so the figures show how much of a target is left for the tool's own
// checks and model once Node has loaded an ES module, built its output stream and parsed the YAML.
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';

process.stdout.write(
  `${JSON.stringify(load(readFileSync(process.argv[2], 'utf8'), { schema: CORE_SCHEMA }), null, 2)}\n`,
);
