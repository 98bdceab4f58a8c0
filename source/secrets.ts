// Finds values that look like credentials. The guidance's first practice is to keep secrets out of
// images; we also keep them out of answers files and everything generated from them.
// Patterns follow gitleaks' rules (aws-access-token, private-key, github-pat, slack, jwt); the
// generic rule is narrowed to an explicit "password=..." style assignment to avoid false alarms.

export interface SecretFinding {
  path: (string | number)[];
  kind: string;
}

const RULES: { kind: string; pattern: RegExp; allow?: RegExp }[] = [
  {
    kind: 'an AWS access key id',
    pattern: /\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/,
    // AWS documentation's placeholder keys end in EXAMPLE (gitleaks allows them too).
    allow: /^(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{9}EXAMPLE$/,
  },
  { kind: 'a private key', pattern: /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/i },
  { kind: 'a GitHub token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36}\b|\bgithub_pat_\w{82}\b/ },
  { kind: 'a Slack token', pattern: /\bxox[baprs]-[0-9A-Za-z-]{10,}/ },
  { kind: 'a JSON Web Token', pattern: /\bey[A-Za-z0-9]{17,}\.ey[A-Za-z0-9/\\_-]{17,}\.[A-Za-z0-9/\\_-]{10,}/ },
  {
    kind: 'a password or token assignment',
    pattern: /(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|access[_-]?key|credentials?)["']?\s*(?::=|=>|=|:)\s*["']?[^\s"']{4,}/i,
  },
];

// Keys that only ever hold a secret: their presence with a value is enough.
const SECRET_KEY = /(?:passw(?:or)?d|secret(?:[_-]?access)?[_-]?key|secret|token|api[_-]?key|private[_-]?key)$/i;

export function findSecretInText(text: string): string | undefined {
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match && !(rule.allow && rule.allow.test(match[1] ?? match[0]))) return rule.kind;
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
      if (SECRET_KEY.test(key) && typeof item === 'string' && item.length > 0) {
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
