// Reads an AWS Organizations tag policy into the rules the audit checks: the generator's
// tagging/tag-policy.json, the documented examples with @@assign / @@append / @@remove, and the
// operator-free effective policy that `aws organizations describe-effective-policy` prints.
// A single document has no parent, so @@append and @@assign both start the list and @@remove takes away:
// the generator's policy appends its values (so it composes with others), and they are the allowed values.
import { InputError } from '../errors.ts';
import { isPlainObject } from '../text/parsed.ts';

export interface TagRule {
  /** The key with the exact case the policy prescribes. */
  key: string;
  /** Allowed values (a value may hold one `*`); undefined = any value. */
  allowed?: string[];
  /** Images must carry the tag (see requiredForImages). */
  required: boolean;
}

const STATEMENT_FIELDS = new Set([
  'tag_key',
  'tag_value',
  'enforced_for',
  'report_required_tag_for',
  '@@operators_allowed_for_child_policies',
]);
const LIST_OPERATORS = new Set(['@@assign', '@@append', '@@remove', '@@operators_allowed_for_child_policies']);

export function parseTagPolicy(doc: unknown, source: string): TagRule[] {
  const fail = (problem: string) => new InputError(`${source} is not a usable tag policy: ${problem}`);
  if (!isPlainObject(doc) || !isPlainObject(doc.tags))
    throw fail('it needs a "tags" object, as in {"tags": {"costcenter": {"tag_key": {"@@assign": "CostCenter"}}}}.');
  const rules: TagRule[] = [];
  for (const [statement, body] of Object.entries(doc.tags)) {
    const at = `tags.${statement}`;
    if (!isPlainObject(body)) throw fail(`${at} must be an object.`);
    const unknown = Object.keys(body).find((k) => !STATEMENT_FIELDS.has(k));
    if (unknown) throw fail(`${at} has an unknown field "${unknown}".`);
    const key = tagKey(body.tag_key, statement, `${at}.tag_key`, fail);
    const allowed = stringList(body.tag_value, `${at}.tag_value`, fail);
    const bad = allowed?.find((v) => v.split('*').length > 2);
    if (bad !== undefined)
      throw fail(`${at}.tag_value "${bad}" has more than one "*"; AWS allows one wildcard per value.`);
    const requiredFor = stringList(body.report_required_tag_for, `${at}.report_required_tag_for`, fail);
    stringList(body.enforced_for, `${at}.enforced_for`, fail);
    rules.push({ key, ...(allowed ? { allowed } : {}), required: requiredForImages(requiredFor) });
  }
  return rules;
}

/**
 * AWS itself never requires a tag to be present: a policy constrains the key's case and the values
 * when the tag is used, and report_required_tag_for only reports a missing tag per resource type. The
 * audit reads a statement without report_required_tag_for as required on every image, because the
 * generator's policy lists exactly the keys every image carries. enforced_for only says where AWS
 * blocks non-compliant tagging, so it does not change what is required.
 */
function requiredForImages(requiredFor: string[] | undefined): boolean {
  if (requiredFor === undefined) return true;
  return requiredFor.some((type) => /^ec2:(image|\*|ALL_SUPPORTED)$/.test(type) || type === '*:image');
}

function tagKey(block: unknown, statement: string, at: string, fail: (p: string) => InputError): string {
  if (block === undefined) return statement;
  if (typeof block === 'string' && block) return block;
  if (isPlainObject(block)) {
    const assigned = block['@@assign'];
    if (assigned === undefined) return statement;
    if (typeof assigned === 'string' && assigned.length > 0 && assigned.length <= 128) return assigned;
  }
  throw fail(`${at} must be {"@@assign": "KeyName"} with 1-128 characters.`);
}

/** The list a block results in: @@assign and @@append add, @@remove removes; undefined when unset. */
function stringList(block: unknown, at: string, fail: (p: string) => InputError): string[] | undefined {
  if (block === undefined) return undefined;
  if (Array.isArray(block)) return strings(block, at, fail);
  if (!isPlainObject(block)) throw fail(`${at} must be an object of @@assign / @@append / @@remove lists.`);
  const unknown = Object.keys(block).find((k) => !LIST_OPERATORS.has(k));
  if (unknown) throw fail(`${at} has an unknown operator "${unknown}" (use @@assign, @@append or @@remove).`);
  const assign = block['@@assign'] === undefined ? undefined : strings(block['@@assign'], `${at}.@@assign`, fail);
  const append = block['@@append'] === undefined ? undefined : strings(block['@@append'], `${at}.@@append`, fail);
  const remove = block['@@remove'] === undefined ? [] : strings(block['@@remove'], `${at}.@@remove`, fail);
  if (!assign && !append) return undefined;
  const removed = new Set(remove);
  return [...new Set([...(assign ?? []), ...(append ?? [])])].filter((v) => !removed.has(v));
}

function strings(value: unknown, at: string, fail: (p: string) => InputError): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw fail(`${at} must be a list of strings.`);
  return value as string[];
}

/** Tag policy value matching: exact and case-sensitive, except that one `*` matches any sequence. */
export function valueAllowed(value: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) => {
    const star = pattern.indexOf('*');
    if (star < 0) return value === pattern;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    return value.length >= prefix.length + suffix.length && value.startsWith(prefix) && value.endsWith(suffix);
  });
}
