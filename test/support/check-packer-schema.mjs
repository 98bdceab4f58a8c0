#!/usr/bin/env node
// check-packer-schema.mjs — offline name check of `source "amazon-ebs"` and
// `data "amazon-ami" / "amazon-parameterstore"` blocks against the JSON schema
// extracted from hashicorp/packer-plugin-amazon (amazon-ebs-schema.json,
// amazon-datasources-schema.json).
//
// Usage: node check-packer-schema.mjs <file-or-dir.pkr.hcl>... [--schema-dir DIR]
//                              [--rejects packer-1.6.6-rejects.txt]
// Exit 1 on unknown attribute/block names, on an attribute written as a block
// (or vice versa), on a non-repeatable block given twice, or on an obvious
// literal type mismatch (string/number/bool/list/map literals only; expressions
// are not evaluated). With --rejects, also warns about names Packer 1.6.6 refuses.
//
// This is a small purpose-built tokenizer, not a full HCL parser: it understands
// comments (#, //, /* */), quoted strings with ${...}, heredocs (<<EOF, <<-EOF),
// bracket nesting, and `dynamic "x" { content { ... } }`.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
let schemaDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'upstream', 'packer');
let rejectsFile = null;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--schema-dir') schemaDir = args[++i];
  else if (args[i] === '--rejects') rejectsFile = args[++i];
  else inputs.push(args[i]);
}
if (!inputs.length) {
  console.error('usage: node check-packer-schema.mjs <file-or-dir>... [--schema-dir DIR] [--rejects FILE]');
  process.exit(2);
}
const ebs = JSON.parse(fs.readFileSync(path.join(schemaDir, 'amazon-ebs-schema.json'), 'utf8'));
const ds = JSON.parse(fs.readFileSync(path.join(schemaDir, 'amazon-datasources-schema.json'), 'utf8'));
const schemas = {
  'source:amazon-ebs': ebs,
  'data:amazon-ami': ds.datasources['amazon-ami'],
  'data:amazon-parameterstore': ds.datasources['amazon-parameterstore'],
};
const rejects = new Set();
if (rejectsFile) {
  for (const l of fs.readFileSync(rejectsFile, 'utf8').split('\n')) {
    const m = l.match(/^([A-Za-z_][\w.]*)\t(attr|block)\b/);
    if (m) rejects.add(m[1]);
  }
}

// ---------- tokenizer -> simple body tree ----------
function parse(src, file) {
  let i = 0;
  const n = src.length;
  const line = (p) => src.slice(0, p).split('\n').length;
  const err = (msg) => {
    throw new Error(`${file}:${line(i)}: ${msg}`);
  };
  function skipWsComments(stopAtNewline) {
    while (i < n) {
      const c = src[i];
      if (c === '\n' && stopAtNewline) return;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
        i++;
        continue;
      }
      if (c === '#' || (c === '/' && src[i + 1] === '/')) {
        while (i < n && src[i] !== '\n') i++;
        continue;
      }
      if (c === '/' && src[i + 1] === '*') {
        const e = src.indexOf('*/', i + 2);
        i = e < 0 ? n : e + 2;
        continue;
      }
      return;
    }
  }
  function skipString() {
    // at opening quote
    i++;
    let depth = 0;
    while (i < n) {
      const c = src[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (depth === 0 && c === '"') {
        i++;
        return;
      }
      if ((c === '$' || c === '%') && src[i + 1] === '{') {
        depth++;
        i += 2;
        continue;
      }
      if (depth > 0 && c === '"') {
        skipString();
        continue;
      }
      if (depth > 0 && c === '{') {
        depth++;
        i++;
        continue;
      }
      if (depth > 0 && c === '}') {
        depth--;
        i++;
        continue;
      }
      i++;
    }
    err('unterminated string');
  }
  function skipHeredoc() {
    // at <<
    const m = /^<<-?([A-Za-z_]\w*)[ \t]*\r?\n/.exec(src.slice(i));
    if (!m) return false;
    i += m[0].length;
    const re = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
    const rest = src.slice(i);
    const mm = re.exec(rest);
    if (!mm) err('unterminated heredoc');
    i += mm.index + mm[0].length;
    return true;
  }
  // Skip an expression; return a coarse literal kind for the type check.
  function skipExpr() {
    skipWsComments(true);
    const start = i;
    let depth = 0;
    while (i < n) {
      const c = src[i];
      if (c === '"') {
        skipString();
        continue;
      }
      if (c === '<' && src[i + 1] === '<' && skipHeredoc()) continue;
      if (c === '#' || (c === '/' && src[i + 1] === '/')) {
        if (depth === 0) break; // trailing line comment ends the expression
        while (i < n && src[i] !== '\n') i++;
        continue;
      }
      if (c === '/' && src[i + 1] === '*') {
        const e = src.indexOf('*/', i + 2);
        i = e < 0 ? n : e + 2;
        continue;
      }
      if ('([{'.includes(c)) {
        depth++;
        i++;
        continue;
      }
      if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth--;
        i++;
        continue;
      }
      if (c === '\n' && depth === 0) break;
      i++;
    }
    return classify(src.slice(start, i).trim());
  }
  function classify(v) {
    if (/^"([^"\\$]|\\.)*"$/.test(v) || /^<<-?\w+/.test(v)) return 'string';
    if (/^-?\d+(\.\d+)?$/.test(v)) return 'number';
    if (v === 'true' || v === 'false') return 'bool';
    if (v.startsWith('[') && v.endsWith(']')) return 'list';
    if (v.startsWith('{') && v.endsWith('}')) return 'map';
    return 'expr';
  }
  function body(closing) {
    const items = [];
    for (;;) {
      skipWsComments(false);
      if (i >= n) {
        if (closing) err('missing }');
        return items;
      }
      if (src[i] === '}') {
        if (!closing) err('unexpected }');
        i++;
        return items;
      }
      const pos = i;
      const m = /^[A-Za-z_][\w-]*/.exec(src.slice(i));
      if (!m) err(`unexpected ${JSON.stringify(src[i])}`);
      const name = m[0];
      i += name.length;
      skipWsComments(true);
      if (src[i] === '=' && src[i + 1] !== '=') {
        i++;
        items.push({ kind: 'attr', name, line: line(pos), vtype: skipExpr() });
        continue;
      }
      const labels = [];
      for (;;) {
        skipWsComments(true);
        if (src[i] === '"') {
          const s = i;
          skipString();
          labels.push(JSON.parse(src.slice(s, i)));
          continue;
        }
        const lm = /^[A-Za-z_][\w-]*/.exec(src.slice(i));
        if (lm) {
          labels.push(lm[0]);
          i += lm[0].length;
          continue;
        }
        break;
      }
      if (src[i] !== '{') err(`expected = or { after ${name}`);
      i++;
      items.push({ kind: 'block', name, labels, line: line(pos), body: body(true) });
    }
  }
  return body(false);
}

// ---------- checker ----------
const problems = [];
const warnings = [];
function typeOk(expected, got) {
  if (got === 'expr') return true;
  if (expected.startsWith('list(')) return got === 'list';
  if (expected.startsWith('map(')) return got === 'map';
  return expected === got;
}
function check(items, schema, where, file, prefix) {
  const seen = {};
  for (const it of items) {
    let name = it.name;
    let bodyItems = it.body;
    if (it.kind === 'block' && name === 'dynamic') {
      name = it.labels[0];
      const content = (it.body || []).find((x) => x.kind === 'block' && x.name === 'content');
      bodyItems = content ? content.body : [];
    }
    const full = prefix ? `${prefix}.${name}` : name;
    if (rejects.has(full)) warnings.push(`${file}:${it.line}: ${where}: "${full}" is rejected by Packer 1.6.6`);
    if (it.kind === 'attr') {
      const t = schema.attributes[name];
      if (!t) {
        problems.push(
          `${file}:${it.line}: ${where}: unknown attribute "${full}"` +
            (schema.blocks[name] ? ` (it is a block: write \`${name} { ... }\`)` : ''),
        );
      } else if (!typeOk(t, it.vtype)) {
        problems.push(`${file}:${it.line}: ${where}: "${full}" expects ${t}, got ${it.vtype} literal`);
      }
    } else {
      const b = schema.blocks[name];
      if (!b) {
        problems.push(
          `${file}:${it.line}: ${where}: unknown block "${full}"` +
            (schema.attributes[name] ? ` (it is an attribute: write \`${name} = ...\`)` : ''),
        );
        continue;
      }
      seen[name] = (seen[name] || 0) + 1;
      if (!b.repeatable && seen[name] > 1 && it.name !== 'dynamic') {
        problems.push(`${file}:${it.line}: ${where}: block "${full}" may appear only once`);
      }
      check(bodyItems, b, where, file, full);
    }
  }
}
function files(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return [p];
  return fs
    .readdirSync(p)
    .filter((f) => f.endsWith('.pkr.hcl'))
    .sort()
    .map((f) => path.join(p, f));
}
let count = 0;
for (const inp of inputs) {
  for (const f of files(inp)) {
    let tree;
    try {
      tree = parse(fs.readFileSync(f, 'utf8'), f);
    } catch (e) {
      problems.push(String(e.message));
      continue;
    }
    for (const top of tree) {
      if (top.kind !== 'block' || !['source', 'data'].includes(top.name)) continue;
      const key = `${top.name}:${top.labels[0]}`;
      const schema = schemas[key];
      if (!schema) continue;
      count++;
      check(top.body, schema, `${top.name} "${top.labels[0]}" "${top.labels[1] ?? ''}"`, f, '');
    }
  }
}
for (const w of warnings) console.log(`WARN  ${w}`);
for (const p of problems) console.log(`ERROR ${p}`);
console.log(
  `checked ${count} block(s) against plugin ${ebs.plugin_version} @ ${ebs.commit.slice(0, 12)}: ` +
    `${problems.length} error(s), ${warnings.length} warning(s)`,
);
process.exit(problems.length ? 1 : 0);
