// The detailed reading of an answers file: every problem becomes an InputError whose message names
// the file, the line and column, the problem and the fix. Loaded only when the quick path in
// read.ts finds something wrong.
import { LineCounter, parseDocument, isMap, isPair, isScalar } from 'yaml';
import type { Document } from 'yaml';
import * as z from 'zod/mini';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import type { Answers } from '../../questionnaire/answers-schema.ts';
import { InputError } from '../errors.ts';
import { findSecret } from './secrets.ts';
import { expectedAt, keysAt } from './schema-lookup.ts';
import { didYouMean } from '../text/did-you-mean.ts';
import { printable } from '../text/printable.ts';
import { REGION_CODES } from '../../questionnaire/regions.ts';
import { isUnknownRegionIssue } from '../text/region-text.ts';

const MAX_ALIASES = 50;
const MAX_ISSUES_SHOWN = 5;
const SECRET_ADVICE =
  'Keep secrets out of the answers file: store it in SSM Parameter Store or Secrets Manager ' +
  'and give its name (for example /my-project/db/password); the bootstrap reads it at launch.';

type Path = (string | number)[];

function locate(doc: Document, counter: LineCounter, path: Path, keyOnly = false): string {
  // The nearest node that exists on the path; for unknown keys, point at the key itself.
  for (let n = path.length; n >= 0; n--) {
    const parentPath = path.slice(0, Math.max(0, n - 1));
    const last = path[n - 1];
    const parent = n === 0 ? doc.contents : doc.getIn(parentPath, true);
    let offset: number | undefined;
    if (n === 0) offset = doc.contents?.range?.[0];
    else if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
      const target = keyOnly || n < path.length || !pair?.value ? pair?.key : pair.value;
      offset = (target as { range?: [number, number, number] } | undefined)?.range?.[0];
    } else {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      offset = node?.range?.[0];
    }
    if (offset !== undefined) {
      const { line, col } = counter.linePos(offset);
      return `${line}:${col}`;
    }
  }
  return '1:1';
}

const dotted = (path: Path): string =>
  printable(path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')) || '(top level)';

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

// JSON escapes C0 controls; printable() also shows C1, bidi and separators as escapes.
const show = (value: unknown): string => {
  const text = printable(JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

function describeIssue(issue: z.core.$ZodIssue, data: unknown): { path: Path; text: string; keyOnly?: boolean } {
  const path = issue.path as Path;
  const name = dotted(path);
  const value = valueAt(data, path);
  const expected = expectedAt(AnswersSchema, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const known = keysAt(AnswersSchema, path);
      const guess = didYouMean(key, known);
      const where = path.length ? ` in ${name}` : '';
      return {
        path: [...path, key],
        keyOnly: true,
        text:
          `unknown key "${printable(key)}"${where}. ` +
          (guess ? `Did you mean "${guess}"?` : `Known keys: ${known.join(', ')}.`),
      };
    }
    case 'invalid_type':
    case 'invalid_value':
      if (value === undefined) {
        return {
          path,
          text: `missing required answer ${name}${expected ? ` (${expected})` : ''}. Add it to the file.`,
        };
      }
      if (issue.code === 'invalid_type')
        return { path, text: `${name} must be ${expected ?? issue.expected}, not ${show(value)}.` };
      return { path, text: `${name} is ${show(value)}; allowed: ${issue.values.map(String).join(', ')}.` };
    case 'invalid_format':
      return { path, text: `${name} is ${show(value)}; expected ${issue.message}.` };
    case 'too_small':
      return {
        path,
        text: Array.isArray(value)
          ? `${name} needs at least ${String(issue.minimum)} item(s).`
          : typeof value === 'string'
            ? `${name} must not be empty.`
            : `${name} must be at least ${String(issue.minimum)}.`,
      };
    case 'too_big':
      return {
        path,
        text: Array.isArray(value)
          ? `${name} has more than ${String(issue.maximum)} items.`
          : typeof value === 'string'
            ? `${name} is longer than ${String(issue.maximum)} characters.`
            : `${name} must be at most ${String(issue.maximum)}.`,
      };
    case 'invalid_union': {
      // The option the value's kind chose (a package name, or its mapping): its first problem, where it is.
      const chosen = issue.errors.find(
        (errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0),
      )?.[0];
      if (chosen) return describeIssue({ ...chosen, path: [...path, ...chosen.path] } as z.core.$ZodIssue, data);
      if (value === undefined)
        return {
          path,
          text: `missing required answer ${name}${expected ? ` (${expected})` : ''}. Add it to the file.`,
        };
      return { path, text: `${name} must be ${expected ?? 'another kind of value'}, not ${show(value)}.` };
    }
    default:
      if (isUnknownRegionIssue(issue)) {
        const guess = didYouMean(String(value), REGION_CODES);
        return {
          path,
          text: `${name} is ${show(value)}; not an AWS region. ${guess ? `Did you mean "${guess}"?` : 'Use a commercial region code such as eu-west-1.'}`,
        };
      }
      return { path, text: `${name}: ${issue.message}.` };
  }
}

/**
 * The path of a node that holds itself, if any: an alias inside the node its anchor names. Every
 * check that walks the answers would walk it forever. (Other aliases are bounded by MAX_ALIASES.)
 */
function selfHoldingPath(value: unknown, path: Path = [], open = new Map<object, Path>()): Path | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const opened = open.get(value);
  if (opened) return opened;
  open.set(value, path);
  for (const [key, item] of Object.entries(value)) {
    const found = selfHoldingPath(item, [...path, Array.isArray(value) ? Number(key) : key], open);
    if (found) return found;
  }
  open.delete(value);
  return undefined;
}

function protoKeyPath(value: unknown, path: Path = []): Path | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (!Array.isArray(value) && Object.hasOwn(value, '__proto__')) return [...path, '__proto__'];
  for (const [key, item] of Object.entries(value)) {
    const found = protoKeyPath(item, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * Parses and validates answers text with the `yaml` library, which keeps every node's position, and
 * throws an InputError naming file, line, column, problem and fix. Pure.
 */
export function diagnoseAnswers(text: string, file: string): Answers {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = counter.linePos(syntax.pos[0]);
    const first = syntax.message.split('\n')[0];
    throw new InputError(
      `${file}:${line}:${col}: YAML syntax error: ${first}\nFix the YAML at that line and run again.`,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new InputError(
      `${file}: ${error instanceof ReferenceError ? 'too many or unresolved YAML aliases' : 'cannot read the YAML'} ` +
        `(${(error as Error).message.split('\n')[0]}). Write the values out instead of using anchors and aliases.`,
    );
  }
  if (data === null || data === undefined) {
    throw new InputError(`${file} holds no answers. Start from an example in examples/.`);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(
      `${file}:1:1: the answers file must be a YAML mapping (key: value lines), starting with version: 1.`,
    );
  }

  const selfHolding = selfHoldingPath(data);
  if (selfHolding) {
    throw new InputError(
      `${file}:${locate(doc, counter, selfHolding)}: ${dotted(selfHolding)}: a YAML alias refers to itself (the node its anchor names holds it). Write the values out instead of using anchors and aliases.`,
    );
  }

  const secret = findSecret(data);
  if (secret) {
    throw new InputError(
      `${file}:${locate(doc, counter, secret.path)}: ${dotted(secret.path)} looks like ${secret.kind}; nothing was written.\n${SECRET_ADVICE}`,
    );
  }

  // zod drops a __proto__ key without a word (its record type skips it); say so instead.
  const proto = protoKeyPath(data);
  if (proto) {
    throw new InputError(
      `${file}:${locate(doc, counter, proto, true)}: ${dotted(proto)}: a key named __proto__ is not allowed anywhere in an answers file. Remove it.`,
    );
  }

  const version = (data as Record<string, unknown>).version;
  if (version === undefined) {
    throw new InputError(`${file}: missing version. Add "version: 1" as the first line.`);
  }
  if (version !== 1) {
    throw new InputError(
      `${file}:${locate(doc, counter, ['version'])}: unsupported version ${show(version)}. ` +
        `This ami-wizard reads version 1 answers files; set "version: 1" or use the ami-wizard release that wrote the file.`,
    );
  }

  const result = z.safeParse(AnswersSchema, data);
  if (result.success) return result.data;
  // Unknown keys first: a misspelt key also shows up as a missing one, and the spelling is the fix.
  const issues = [...result.error.issues].sort(
    (a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'),
  );
  const lines = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const { path, text: problem, keyOnly } = describeIssue(issue, data);
    return `${file}:${locate(doc, counter, path, keyOnly)}: ${problem}`;
  });
  const more = result.error.issues.length - MAX_ISSUES_SHOWN;
  if (more > 0) lines.push(`... and ${more} more problem(s).`);
  lines.push('Run "ami-wizard schema" for every key and allowed value.');
  throw new InputError(lines.join('\n'));
}
