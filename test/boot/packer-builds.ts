// The `build` blocks of a generated Packer folder, read the way Packer reads them: each build's name,
// sources and provisioners in their written order, with their attributes decoded by the HCL rules.
// Only what provisioners use here is understood (quoted strings and lists of them); anything else
// throws, so the simulation never runs a guess.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HclLexer, isPunct } from '../support/hcl-lexer.ts';
import type { Token } from '../support/hcl-lexer.ts';

export type Attribute = string | string[] | boolean;

export interface Provisioner {
  type: string;
  attrs: Record<string, Attribute>;
  /** File and line, for messages. */
  at: string;
}

export interface PackerBuild {
  name: string;
  sources: string[];
  provisioners: Provisioner[];
}

/**
 * Every build block of every .pkr.hcl file in `packerDir`, with interpolations in provisioner
 * attributes filled in as Packer fills them: a variable's default, overridden by *.auto.pkrvars.hcl;
 * a string local; path.root.
 */
export function packerBuilds(packerDir: string, overrides: Record<string, string> = {}): PackerBuild[] {
  const files = readdirSync(packerDir).sort();
  const read = (f: string) => readFileSync(join(packerDir, f), 'utf8');
  const templates = files.filter((f) => f.endsWith('.pkr.hcl'));
  const vars = {
    ...Object.assign({}, ...templates.map((f) => variableDefaults(read(f), f))),
    ...Object.assign({}, ...files.filter((f) => f.endsWith('.auto.pkrvars.hcl')).map((f) => assignments(read(f), f))),
    ...overrides,
  };
  const locals = Object.assign({}, ...templates.map((f) => stringLocals(read(f))));
  return templates.flatMap((f) => buildsIn(read(f), f, { vars, locals, root: packerDir }));
}

/** What an interpolation in a provisioner can name: variables, string locals, and `path.root`. */
export interface Scope {
  vars: Record<string, string>;
  locals: Record<string, string>;
  /** The folder of the templates: Packer's `path.root`. */
  root: string;
}

/** `NAME = "text"` attributes of `locals` blocks whose value is a quoted string without interpolation. */
function stringLocals(hcl: string): Record<string, string> {
  const tokens = new HclLexer(hcl, { keepInterpolations: true }).tokens();
  const out: Record<string, string> = {};
  for (let k = 0; k < tokens.length; k++) {
    if (
      tokens[k]?.kind !== 'ident' ||
      (tokens[k] as { value: string }).value !== 'locals' ||
      !isPunct(tokens[k + 1], '{')
    )
      continue;
    for (let j = k + 2; j < tokens.length && !isPunct(tokens[j], '}'); j++) {
      const [name, eq, value, next] = [tokens[j], tokens[j + 1], tokens[j + 2], tokens[j + 3]];
      if (
        name?.kind === 'ident' &&
        isPunct(eq, '=') &&
        value?.kind === 'string' &&
        value.parts.every((p) => p.kind === 'text') &&
        next?.line !== value.line
      ) {
        out[name.value] = value.value;
      }
    }
  }
  return out;
}

/** `variable "NAME" { default = "..." }` of a file: string defaults only. */
function variableDefaults(hcl: string, file: string): Record<string, string> {
  const tokens = new HclLexer(hcl).tokens();
  const out: Record<string, string> = {};
  for (let k = 0; k < tokens.length; k++) {
    const [v, name, open] = [tokens[k], tokens[k + 1], tokens[k + 2]];
    if (v?.kind !== 'ident' || v.value !== 'variable' || name?.kind !== 'string' || !isPunct(open, '{')) continue;
    const end = skipBlock(tokens, k + 2, file);
    for (let j = k + 3; j < end; j++) {
      const t = tokens[j]!;
      if (
        t.kind === 'ident' &&
        t.value === 'default' &&
        isPunct(tokens[j + 1], '=') &&
        tokens[j + 2]?.kind === 'string'
      ) {
        out[name.value] = (tokens[j + 2] as { value: string }).value;
      }
    }
    k = end;
  }
  return out;
}

/** `NAME = "value"` lines of a .pkrvars.hcl file. */
function assignments(hcl: string, file: string): Record<string, string> {
  const tokens = new HclLexer(hcl).tokens();
  const out: Record<string, string> = {};
  for (let k = 0; k < tokens.length; k += 3) {
    const [name, eq, value] = [tokens[k], tokens[k + 1], tokens[k + 2]];
    if (name?.kind !== 'ident' || !isPunct(eq, '=') || value?.kind !== 'string')
      fail(file, name, 'only NAME = "value" lines are understood in a .pkrvars.hcl file');
    out[name.value] = value.value;
  }
  return out;
}

export function buildsIn(hcl: string, file: string, scope: Scope = { vars: {}, locals: {}, root: '.' }): PackerBuild[] {
  const tokens = new HclLexer(hcl, { keepInterpolations: true }).tokens();
  const builds: PackerBuild[] = [];
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (depth === 0 && tok.kind === 'ident' && tok.value === 'build' && isPunct(tokens[k + 1], '{')) {
      const { build, end } = readBuild(tokens, k + 2, file, scope);
      builds.push(build);
      k = end;
    } else if (isPunct(tok, '{')) depth++;
    else if (isPunct(tok, '}')) depth--;
  }
  return builds;
}

function fail(file: string, tok: Token | undefined, message: string): never {
  throw new Error(`${file}:${tok?.line ?? '?'}: ${message}`);
}

/** The body of `build {` from `start` to its closing brace. */
function readBuild(tokens: Token[], start: number, file: string, scope: Scope): { build: PackerBuild; end: number } {
  const build: PackerBuild = { name: '', sources: [], provisioners: [] };
  for (let k = start; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (isPunct(tok, '}')) return { build, end: k };
    if (tok.kind !== 'ident') fail(file, tok, 'expected an attribute or a block in build');
    if (isPunct(tokens[k + 1], '=')) {
      const { value, end } = readValue(tokens, k + 2, file, scope);
      if (tok.value === 'name' && typeof value === 'string') build.name = value;
      else if (tok.value === 'sources' && Array.isArray(value)) build.sources = value;
      else fail(file, tok, `build attribute ${tok.value} is not understood here`);
      k = end;
    } else if (tok.value === 'provisioner' && tokens[k + 1]?.kind === 'string' && isPunct(tokens[k + 2], '{')) {
      const { attrs, end } = readAttributes(tokens, k + 3, file, scope);
      build.provisioners.push({ type: (tokens[k + 1] as { value: string }).value, attrs, at: `${file}:${tok.line}` });
      k = end;
    } else if (
      tok.value === 'post-processor' ||
      tok.value === 'post-processors' ||
      (tok.value === 'source' && tokens[k + 1]?.kind === 'string')
    ) {
      // Post-processors run on the build machine after the image exists; a source block only names
      // and tags the image (roles.pkr.hcl): neither changes what runs on the build instance.
      if (tok.value === 'source') build.sources.push((tokens[k + 1] as { value: string }).value);
      k = skipBlock(tokens, k, file);
    } else fail(file, tok, `block ${tok.value} in build is not understood here`);
  }
  return fail(file, tokens.at(-1), 'build block never closes');
}

function readAttributes(
  tokens: Token[],
  start: number,
  file: string,
  scope: Scope,
): { attrs: Record<string, Attribute>; end: number } {
  const attrs: Record<string, Attribute> = {};
  for (let k = start; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (isPunct(tok, '}')) return { attrs, end: k };
    if (tok.kind !== 'ident' || !isPunct(tokens[k + 1], '='))
      fail(file, tok, 'a provisioner holds only attributes here');
    const { value, end } = readValue(tokens, k + 2, file, scope);
    attrs[tok.value] = value;
    k = end;
  }
  return fail(file, tokens.at(-1), 'provisioner block never closes');
}

function readValue(tokens: Token[], k: number, file: string, scope: Scope): { value: Attribute; end: number } {
  const tok = tokens[k];
  if (tok?.kind === 'string') return { value: literal(tok, file, scope), end: k };
  if (tok?.kind === 'ident' && (tok.value === 'true' || tok.value === 'false'))
    return { value: tok.value === 'true', end: k };
  if (!isPunct(tok, '[')) fail(file, tok, 'only quoted strings, booleans and lists of strings are understood here');
  const items: string[] = [];
  for (let j = k + 1; j < tokens.length; j++) {
    const item = tokens[j]!;
    if (isPunct(item, ']')) return { value: items, end: j };
    if (isPunct(item, ',')) continue;
    if (item.kind !== 'string') fail(file, item, 'a list element that is not a quoted string');
    items.push(literal(item, file, scope));
  }
  return fail(file, tok, 'list never closes');
}

/**
 * A provisioner's value as Packer evaluates it: literal text (a `$${` or `%%{` escape is text, never
 * evaluated again) and interpolations of `var.NAME`, `local.NAME` (string locals) and `path.root`;
 * any other interpolation is not simulated.
 */
function literal(tok: Extract<Token, { kind: 'string' }>, file: string, scope: Scope): string {
  return tok.parts
    .map((part) => {
      if (part.kind === 'text') return part.text;
      const [, kind, name] = /^(var|local)\.([A-Za-z_][\w-]*)$/.exec(part.expr) ?? [];
      if (part.expr === 'path.root') return scope.root;
      if (kind === 'var') {
        if (!Object.hasOwn(scope.vars, name!))
          fail(file, tok, `variable ${name} has no value (no default, not in *.auto.pkrvars.hcl)`);
        return scope.vars[name!]!;
      }
      if (kind === 'local' && Object.hasOwn(scope.locals, name!)) return scope.locals[name!]!;
      return fail(file, tok, `the interpolation \${${part.expr}} in a provisioner attribute is not simulated`);
    })
    .join('');
}

function skipBlock(tokens: Token[], k: number, file: string): number {
  let depth = 0;
  for (let j = k; j < tokens.length; j++) {
    if (isPunct(tokens[j], '{')) depth++;
    else if (isPunct(tokens[j], '}') && --depth === 0) return j;
  }
  return fail(file, tokens[k], 'block never closes');
}

/**
 * The top-level quoted-string attributes of `source "TYPE" "NAME" { ... }` in a template, decoded
 * (nested blocks stepped over): what the build instance of that source is launched with.
 */
export function sourceAttributes(hcl: string, type: string, name: string): Record<string, string> {
  const tokens = new HclLexer(hcl, { keepInterpolations: true }).tokens();
  const start = tokens.findIndex(
    (t, k) =>
      t.kind === 'ident' &&
      t.value === 'source' &&
      tokens[k + 1]?.kind === 'string' &&
      (tokens[k + 1] as { value: string }).value === type &&
      (tokens[k + 2] as { value?: string })?.value === name &&
      isPunct(tokens[k + 3], '{'),
  );
  if (start < 0) throw new Error(`no source "${type}" "${name}"`);
  const out: Record<string, string> = {};
  let depth = 0;
  for (let k = start + 3; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (isPunct(tok, '{')) depth++;
    else if (isPunct(tok, '}') && --depth === 0) return out;
    else if (depth === 1 && tok.kind === 'ident' && isPunct(tokens[k + 1], '=') && tokens[k + 2]?.kind === 'string') {
      out[tok.value] = (tokens[k + 2] as { value: string }).value;
    }
  }
  throw new Error(`source "${type}" "${name}" never closes`);
}
