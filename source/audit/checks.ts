// The audit's checks: pure functions over plain image records (no SDK, no clock but the one passed in).
import type { ImageRecord } from '../aws/image-record.ts';
import { isDeprecated } from '../aws/image-record.ts';
import type { TagRule } from './tag-policy.ts';
import { valueAllowed } from './tag-policy.ts';
import { shortened } from '../text/shortened.ts';

export const CHECKS = ['tags', 'values', 'age', 'public', 'encrypted', 'imdsv2', 'deprecated'] as const;
export type CheckId = (typeof CHECKS)[number];

export interface CheckResult {
  check: CheckId;
  status: 'pass' | 'fail' | 'skip';
  detail?: string;
}

export interface ImageAudit {
  image: ImageRecord;
  compliant: boolean;
  results: CheckResult[];
}

export interface AuditOptions {
  /** The tag policy's rules; undefined when no policy was given (tag checks are skipped). */
  rules?: TagRule[];
  maxAgeDays: number;
  now: Date;
}

const DAY_MS = 86_400_000;

export function auditImage(image: ImageRecord, options: AuditOptions): ImageAudit {
  const results: CheckResult[] = [
    checkTagKeys(image, options.rules),
    checkTagValues(image, options.rules),
    checkAge(image, options),
    image.public ? fail('public', 'anyone can launch it (public launch permission)') : pass('public'),
    checkEncryption(image),
    image.imdsSupport === 'v2.0'
      ? pass('imdsv2')
      : fail('imdsv2', `imdsSupport is ${image.imdsSupport ?? 'unset'}, so instances may use IMDSv1`),
    isDeprecated(image, options.now)
      ? fail('deprecated', `deprecated since ${image.deprecationTime}`)
      : pass('deprecated'),
  ];
  return { image, compliant: results.every((r) => r.status !== 'fail'), results };
}

function checkTagKeys(image: ImageRecord, rules: TagRule[] | undefined): CheckResult {
  if (!rules) return skip('tags', 'no tag policy given');
  const problems: string[] = [];
  for (const rule of rules) {
    if (image.tags.some((t) => t.key === rule.key)) continue;
    // Tag keys are case-sensitive in EC2, so costcenter is a different tag from CostCenter.
    const nearly = image.tags.find((t) => t.key.toLowerCase() === rule.key.toLowerCase());
    if (nearly) problems.push(`${shortened(nearly.key)} should be ${shortened(rule.key)}`);
    else if (rule.required) problems.push(`missing ${shortened(rule.key)}`);
  }
  return problems.length ? fail('tags', problems.join('; ')) : pass('tags');
}

function checkTagValues(image: ImageRecord, rules: TagRule[] | undefined): CheckResult {
  if (!rules) return skip('values', 'no tag policy given');
  const problems: string[] = [];
  for (const rule of rules) {
    const tag = image.tags.find((t) => t.key === rule.key);
    if (!tag || !rule.allowed || valueAllowed(tag.value, rule.allowed)) continue;
    const allowed = rule.allowed.length ? shortened(rule.allowed.join(', '), 200) : 'none';
    problems.push(`${shortened(rule.key)}=${JSON.stringify(shortened(tag.value))} not allowed (${allowed})`);
  }
  return problems.length ? fail('values', problems.join('; ')) : pass('values');
}

function checkAge(image: ImageRecord, { maxAgeDays, now }: AuditOptions): CheckResult {
  const created = image.creationDate ? Date.parse(image.creationDate) : NaN;
  if (Number.isNaN(created)) return skip('age', 'creation date unknown');
  const days = Math.floor((now.getTime() - created) / DAY_MS);
  return days > maxAgeDays ? fail('age', `${days} days old, window ${maxAgeDays} days`) : pass('age');
}

function checkEncryption(image: ImageRecord): CheckResult {
  // An audit cannot vouch for what EC2 did not report, so a missing Encrypted flag counts as unencrypted.
  const plain = image.ebs.filter((d) => d.encrypted !== true);
  if (!plain.length) return pass('encrypted');
  return fail(
    'encrypted',
    `unencrypted: ${plain.map((d) => `${d.snapshotId ?? 'no snapshot'} (${d.device})`).join(', ')}`,
  );
}

const pass = (check: CheckId): CheckResult => ({ check, status: 'pass' });
const fail = (check: CheckId, detail: string): CheckResult => ({ check, status: 'fail', detail });
const skip = (check: CheckId, detail: string): CheckResult => ({ check, status: 'skip', detail });
