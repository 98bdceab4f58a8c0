// Finds values that look like credentials. The guidance's first practice is to keep secrets out of
// images; we also keep them out of answers files and everything generated from them.
// Patterns follow gitleaks' rules (aws-access-token, private-key, github-pat, slack, jwt); the
// generic rule is narrowed to an explicit "password=..." style assignment to avoid false alarms.

export interface SecretFinding {
  path: (string | number)[];
  kind: string;
}

export interface SecretRule {
  kind: string;
  pattern: RegExp;
  /**
   * False only for a text the pattern cannot match: a plain test of what every match holds, so the
   * pattern, compiled when first run (0.1 to 0.3 ms each, twice as V8 tiers it up), runs on the few
   * texts that may hold it. `lower` is the text in lower case (the patterns' /i is ASCII-only).
   */
  mayMatch: (text: string, lower: string) => boolean;
  allow?: RegExp;
  /** A further test of the matched text, for patterns that ordinary words can also match. */
  looksRandom?: (match: string) => boolean;
}

/** Shannon entropy in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

/**
 * A 40-character AWS secret access key is random base64: high entropy (a random key scores 4.2 or
 * more 9,999 times in 10,000), and upper and lower case in about equal shares, at least nine of
 * each in all but about 1% of keys. A 40-character CamelCase name has the entropy but few capitals.
 */
const awsSecretKeyShape = (key: string): boolean =>
  entropy(key) >= 4.2 &&
  (key.match(/[A-Z]/g)?.length ?? 0) >= 9 &&
  (key.match(/[a-z]/g)?.length ?? 0) >= 9 &&
  /[0-9/+]/.test(key);

/** Whether `text` holds `length` characters in a row of an AWS secret key's alphabet. */
function hasKeyRun(text: string, length: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const inAlphabet =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 /* / */ || c === 43; /* + */
    run = inAlphabet ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}

// The words the assignment rule and SECRET_KEY need, each cut to what all its spellings share.
const SECRET_WORDS = ['passw', 'pwd', 'secret', 'token', 'key', 'credential'];
const hasSecretWord = (lower: string): boolean => SECRET_WORDS.some((word) => lower.includes(word));

export const RULES: readonly SecretRule[] = [
  {
    kind: 'an AWS access key id',
    pattern: /\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/,
    mayMatch: (text) => ['A3T', 'AKIA', 'ASIA', 'ABIA', 'ACCA'].some((start) => text.includes(start)),
    // AWS documentation's placeholder keys end in EXAMPLE (gitleaks allows them too).
    allow: /^(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{9}EXAMPLE$/,
  },
  {
    // gitleaks' generic rule needs a keyword (secret=...); a bare key pasted as a value has none.
    kind: 'an AWS secret access key',
    // Bounded by anything but a letter or digit: `x=KEY`, `KEY=`, `a+KEY` and `KEY/x` are found too.
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9/+]{40}(?![A-Za-z0-9])/,
    allow: /EXAMPLEKEY$/,
    looksRandom: awsSecretKeyShape,
    mayMatch: (text) => hasKeyRun(text, 40),
  },
  {
    kind: 'a private key',
    pattern: /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/i,
    mayMatch: (text) => text.includes('-----'),
  },
  {
    kind: 'a GitHub token',
    pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36}\b|\bgithub_pat_\w{82}\b/,
    mayMatch: (text) => text.includes('gh') || text.includes('github_pat_'),
  },
  { kind: 'a Slack token', pattern: /\bxox[baprs]-[0-9A-Za-z-]{10,}/, mayMatch: (text) => text.includes('xox') },
  {
    kind: 'a JSON Web Token',
    pattern: /\bey[A-Za-z0-9]{17,}\.ey[A-Za-z0-9/\\_-]{17,}\.[A-Za-z0-9/\\_-]{10,}/,
    mayMatch: (text) => text.includes('.ey'),
  },
  {
    kind: 'a password or token assignment',
    pattern:
      /(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|access[_-]?key|credentials?)["']?\s*(?::=|=>|=|:)\s*["']?[^\s"']{4,}/i,
    mayMatch: (text, lower) => (text.includes('=') || text.includes(':')) && hasSecretWord(lower),
  },
];

// Keys that only ever hold a secret: their presence with a value is enough.
const SECRET_KEY = /(?:passw(?:or)?d|secret(?:[_-]?access)?[_-]?key|secret|token|api[_-]?key|private[_-]?key)$/i;

export function findSecretInText(text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const rule of RULES) {
    if (!rule.mayMatch(text, lower)) continue;
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const found = match[1] ?? match[0];
    if (rule.allow?.test(found)) continue;
    if (rule.looksRandom && !rule.looksRandom(found)) continue;
    return rule.kind;
  }
  return undefined;
}

/** Walks a parsed answers document and reports the first value that looks like a secret. */
export function findSecret(value: unknown, path: (string | number)[] = []): SecretFinding | undefined {
  if (typeof value === 'string') {
    const kind = findSecretInText(value);
    return kind ? { path, kind } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findSecret(item, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && item.length > 0 && hasSecretWord(key.toLowerCase()) && SECRET_KEY.test(key)) {
        return { path: [...path, key], kind: `a secret (the key "${key}")` };
      }
      const inKey = findSecretInText(key);
      if (inKey) return { path: [...path, key], kind: inKey };
      const found = findSecret(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
