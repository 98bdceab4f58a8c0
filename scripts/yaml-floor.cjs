// The floor under `recommend --json`: a CommonJS script, as the CLI's files are, that reads the
// answers file, parses it with the YAML parser and schema the CLI uses, prints it as JSON, and does
// nothing else. scripts/bench.mjs times it beside recommend, so the figures show how much of a target
// is left for the tool's own checks and model once Node has loaded a script, built its output stream
// and parsed the YAML.
const { readFileSync } = require('node:fs');
const { CORE_SCHEMA, load } = require('js-yaml');

process.stdout.write(
  `${JSON.stringify(load(readFileSync(process.argv[2], 'utf8'), { schema: CORE_SCHEMA }), null, 2)}\n`,
);
