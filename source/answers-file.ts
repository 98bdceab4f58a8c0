// Loading an answers file: read (I/O), then parse and validate (pure). A valid file takes the quick
// path (js-yaml, small and fast to start); anything unusual is read again by answers-diagnostics.ts,
// which keeps node positions, so every problem is reported with its line and column.
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Answers } from '../questionnaire/answers-schema.ts';
import { checkAnswers } from './answers-check.ts';
import { InputError } from './errors.ts';
import { findSecret } from './secrets.ts';

const MAX_ANSWERS_BYTES = 256 * 1024;

export async function readAnswersFile(file: string): Promise<string> {
  let size: number;
  try {
    const info = statSync(file);
    if (info.isDirectory()) throw new InputError(`${file} is a folder. Pass the answers file itself: --answers ${file}/ami-wizard.yaml`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `Answers file not found: ${file}\nCheck the path, or create one: run ami-wizard in a terminal, or start from the examples/ folder.`,
    );
  }
  if (size > MAX_ANSWERS_BYTES) {
    throw new InputError(`${file} is ${size} bytes; an answers file is at most ${MAX_ANSWERS_BYTES} bytes. Is this the right file?`);
  }
  // One small file read once, synchronously: cheaper at start-up than the promise API's round trips.
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`Cannot read ${file}${code === 'EACCES' || code === 'EPERM' ? ': permission denied' : ` (${code})`}.\nMake the file readable, or pass another one.`);
  }
  if (bytes.includes(0)) throw new InputError(`${file} is not a text file (it contains NUL bytes). Pass a YAML answers file.`);
  if (!isUtf8(bytes)) throw new InputError(`${file} is not UTF-8 text. Save the answers file as UTF-8 YAML.`);
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** True for a tree of plain values in which no node is shared: js-yaml returns an alias as the same object. */
function isPlainTree(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).every((item) => isPlainTree(item, seen));
}

/** The answers, when the file is valid YAML 1.2 with no aliases, no secret and no schema problem. */
function parseQuickly(text: string): Answers | undefined {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || !isPlainTree(data)) return undefined;
  if ((data as { version?: unknown }).version !== 1 || findSecret(data)) return undefined;
  return checkAnswers(data);
}

/** Parses and validates answers text; throws InputError with a user-facing message. */
export async function parseAnswers(text: string, file: string): Promise<Answers> {
  if (text.trim() === '') {
    throw new InputError(`${file} is empty. Start from an example in examples/, or run ami-wizard in a terminal to write one.`);
  }
  return parseQuickly(text) ?? (await import('./answers-diagnostics.ts')).diagnoseAnswers(text, file);
}

/** The answers when `file` is readable and valid, else undefined (loadAnswers then says why). */
export async function quickAnswers(file: string): Promise<Answers | undefined> {
  try {
    return parseQuickly(await readAnswersFile(file));
  } catch {
    return undefined;
  }
}

export async function loadAnswers(file: string): Promise<Answers> {
  return parseAnswers(await readAnswersFile(file), file);
}
