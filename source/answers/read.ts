// Loading an answers file: read (I/O), then parse and validate (pure). A valid file takes the quick
// path (quick-yaml.ts for the plain YAML answers files are written in, else js-yaml, loaded then);
// anything unusual is read again by diagnostics.ts, which keeps node positions, so every problem is
// reported with its line and column.
import type { Answers } from '../../questionnaire/answers-schema.ts';
import { checkAnswers } from './quick-check.ts';
import { MAX_ANSWERS_BYTES, readBoundedText } from './bounded-text.ts';
import type { TextFileKind } from './bounded-text.ts';
import { InputError } from '../errors.ts';
import { isPlainObject } from '../text/parsed.ts';
import { findSecret } from './secrets.ts';
import { quickYaml } from './quick-yaml.ts';

const ANSWERS_FILE: TextFileKind = {
  label: 'Answers file',
  notFoundHint: 'Check the path, or create one: run ami-wizard in a terminal, or start from the examples/ folder.',
  folderHint: (file) => `Pass the answers file itself: --answers ${file}/ami-wizard.yaml`,
  sizeNote: 'an answers file is at most that',
  binaryHint: 'Pass a YAML answers file.',
  encodingHint: 'Save the answers file as UTF-8 YAML.',
};

/** At most MAX_ANSWERS_BYTES from any source (a file, a FIFO, /dev/zero, /dev/stdin), as UTF-8 text. */
export function readAnswersFile(file: string): string {
  return readBoundedText(file, MAX_ANSWERS_BYTES, ANSWERS_FILE);
}

/** True for a tree of plain values in which no node is shared: js-yaml returns an alias as the same object. */
export function isPlainTree(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).every((item) => isPlainTree(item, seen));
}

/** The answers, when the file is valid YAML 1.2 with no aliases, no secret and no schema problem. */
async function parseQuickly(text: string): Promise<Answers | undefined> {
  let data: unknown = quickYaml(text);
  if (data === undefined) {
    const { CORE_SCHEMA, load } = await import('js-yaml');
    try {
      data = load(text, { schema: CORE_SCHEMA });
    } catch {
      return undefined;
    }
  }
  if (!isPlainObject(data) || !isPlainTree(data)) return undefined;
  if ((data as { version?: unknown }).version !== 1 || findSecret(data)) return undefined;
  return checkAnswers(data);
}

/** Parses and validates answers text; throws InputError with a user-facing message. */
export async function parseAnswers(text: string, file: string): Promise<Answers> {
  if (text.trim() === '') {
    throw new InputError(
      `${file} is empty. Start from an example in examples/, or run ami-wizard in a terminal to write one.`,
    );
  }
  return (await parseQuickly(text)) ?? (await import('./diagnostics.ts')).diagnoseAnswers(text, file);
}

/** The answers when `file` is readable and valid, else undefined (loadAnswers then says why). */
export async function quickAnswers(file: string): Promise<Answers | undefined> {
  try {
    return await parseQuickly(readAnswersFile(file));
  } catch {
    return undefined;
  }
}

export async function loadAnswers(file: string): Promise<Answers> {
  return parseAnswers(readAnswersFile(file), file);
}
