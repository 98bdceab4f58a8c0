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
 * Every build block of every .pkr.hcl file in `packerDir`, with `${var.NAME}` in provisioner
 * attributes filled in as Packer fills them: the variable's default, overridden by *.auto.pkrvars.hcl.
 */
export function packerBuilds(packerDir: string, overrides: Record<string, string> = {}): PackerBuild[] {
  const files = readdirSync(packerDir).sort();
  const read = (f: string) => readFileSync(join(packerDir, f), 'utf8');
  const vars = {
    ...Object.assign({}, ...files.filter((f) => f.endsWith('.pkr.hcl')).map((f) => variableDefaults(read(f), f))),
    ...Object.assign({}, ...files.filter((f) => f.endsWith('.auto.pkrvars.hcl')).map((f) => assignments(read(f), f))),
    ...overrides,
  };
  return files.filter((f) => f.endsWith('.pkr.hcl')).flatMap((f) => buildsIn(read(f), f, vars));
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
      if (t.kind === 'ident' && t.value === 'default' && isPunct(tokens[j + 1], '=') && tokens[j + 2]?.kind === 'string') {
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
    if (name?.kind !== 'ident' || !isPunct(eq, '=') || value?.kind !== 'string') fail(file, name, 'only NAME = "value" lines are understood in a .pkrvars.hcl file');
    out[name.value] = value.value;
  }
  return out;
}

export function buildsIn(hcl: string, file: string, vars: Record<string, string> = {}): PackerBuild[] {
  const tokens = new HclLexer(hcl, { keepInterpolations: true }).tokens();
  const builds: PackerBuild[] = [];
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (depth === 0 && tok.kind === 'ident' && tok.value === 'build' && isPunct(tokens[k + 1], '{')) {
      const { build, end } = readBuild(tokens, k + 2, file, vars);
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
function readBuild(tokens: Token[], start: number, file: string, vars: Record<string, string>): { build: PackerBuild; end: number } {
  const build: PackerBuild = { name: '', sources: [], provisioners: [] };
  for (let k = start; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (isPunct(tok, '}')) return { build, end: k };
    if (tok.kind !== 'ident') fail(file, tok, 'expected an attribute or a block in build');
    if (isPunct(tokens[k + 1], '=')) {
      const { value, end } = readValue(tokens, k + 2, file, vars);
      if (tok.value === 'name' && typeof value === 'string') build.name = value;
      else if (tok.value === 'sources' && Array.isArray(value)) build.sources = value;
      else fail(file, tok, `build attribute ${tok.value} is not understood here`);
      k = end;
    } else if (tok.value === 'provisioner' && tokens[k + 1]?.kind === 'string' && isPunct(tokens[k + 2], '{')) {
      const { attrs, end } = readAttributes(tokens, k + 3, file, vars);
      build.provisioners.push({ type: (tokens[k + 1] as { value: string }).value, attrs, at: `${file}:${tok.line}` });
      k = end;
    } else if (tok.value === 'post-processor' || tok.value === 'post-processors' || (tok.value === 'source' && tokens[k + 1]?.kind === 'string')) {
      // Post-processors run on the build machine after the image exists; a source block only names
      // and tags the image (roles.pkr.hcl): neither changes what runs on the build instance.
      if (tok.value === 'source') build.sources.push((tokens[k + 1] as { value: string }).value);
      k = skipBlock(tokens, k, file);
    } else fail(file, tok, `block ${tok.value} in build is not understood here`);
  }
  return fail(file, tokens.at(-1), 'build block never closes');
}

function readAttributes(tokens: Token[], start: number, file: string, vars: Record<string, string>): { attrs: Record<string, Attribute>; end: number } {
  const attrs: Record<string, Attribute> = {};
  for (let k = start; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (isPunct(tok, '}')) return { attrs, end: k };
    if (tok.kind !== 'ident' || !isPunct(tokens[k + 1], '=')) fail(file, tok, 'a provisioner holds only attributes here');
    const { value, end } = readValue(tokens, k + 2, file, vars);
    attrs[tok.value] = value;
    k = end;
  }
  return fail(file, tokens.at(-1), 'provisioner block never closes');
}

function readValue(tokens: Token[], k: number, file: string, vars: Record<string, string>): { value: Attribute; end: number } {
  const tok = tokens[k];
  if (tok?.kind === 'string') return { value: literal(tok.value, file, tok, vars), end: k };
  if (tok?.kind === 'ident' && (tok.value === 'true' || tok.value === 'false')) return { value: tok.value === 'true', end: k };
  if (!isPunct(tok, '[')) fail(file, tok, 'only quoted strings, booleans and lists of strings are understood here');
  const items: string[] = [];
  for (let j = k + 1; j < tokens.length; j++) {
    const item = tokens[j]!;
    if (isPunct(item, ']')) return { value: items, end: j };
    if (isPunct(item, ',')) continue;
    if (item.kind !== 'string') fail(file, item, 'a list element that is not a quoted string');
    items.push(literal(item.value, file, item, vars));
  }
  return fail(file, tok, 'list never closes');
}

/** A provisioner's value, its `${var.NAME}` filled in; any other interpolation is not simulated. */
function literal(value: string, file: string, tok: Token, vars: Record<string, string>): string {
  return value.replace(/\$\{([^}]*)\}/g, (whole, expression: string) => {
    const name = /^\s*var\.([A-Za-z_][\w-]*)\s*$/.exec(expression)?.[1];
    if (name === undefined) fail(file, tok, `the interpolation ${whole} in a provisioner attribute is not simulated`);
    if (!Object.hasOwn(vars, name)) fail(file, tok, `variable ${name} has no value (no default, not in *.auto.pkrvars.hcl)`);
    return vars[name]!;
  });
}

function skipBlock(tokens: Token[], k: number, file: string): number {
  let depth = 0;
  for (let j = k; j < tokens.length; j++) {
    if (isPunct(tokens[j], '{')) depth++;
    else if (isPunct(tokens[j], '}') && --depth === 0) return j;
  }
  return fail(file, tokens[k], 'block never closes');
}
