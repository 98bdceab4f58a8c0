// The answers file written next to the output, so any session (interactive or not) can be replayed,
// and the JSON Schema that editors use to complete it.
import { createHash } from 'node:crypto';
import { dump } from 'js-yaml';
import type { Answers } from '../questionnaire/answers-schema.ts';
import type { GeneratedFile } from './generated-file.ts';

const SCHEMA_FILE = 'ami-wizard.schema.json';

/** A stable fingerprint of the answers: the same answers always give the same checksum. */
export function answersChecksum(answers: Answers): string {
  return createHash('sha256')
    .update(JSON.stringify(sortKeys(answers)))
    .digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function answersFileText(answers: Answers): string {
  return `# yaml-language-server: $schema=./${SCHEMA_FILE}\n${dump(answers, { lineWidth: -1, noRefs: true })}`;
}

/** `schemaText` is the answers file's JSON Schema as shipped in schema/ (derived from the zod schema). */
export function generateAnswersCopy(answers: Answers, schemaText: string): GeneratedFile[] {
  return [
    { path: 'ami-wizard.yaml', contents: answersFileText(answers), mode: 0o644 },
    { path: SCHEMA_FILE, contents: schemaText, mode: 0o644 },
  ];
}
