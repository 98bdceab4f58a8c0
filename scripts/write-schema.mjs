// Writes schema/ami-wizard.schema.json from the zod schema (the one source of truth).
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';

const out = await build({
  stdin: {
    contents: "export { answersJsonSchema } from './questionnaire/answers-json-schema.ts';",
    resolveDir: '.',
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const { answersJsonSchema } = await import(
  `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`
);
await writeFile('schema/ami-wizard.schema.json', `${JSON.stringify(answersJsonSchema(), null, 2)}\n`);
console.log('wrote schema/ami-wizard.schema.json');
