// The import rule (README, "Layout"): commands wire; wizard decides; ui draws. Read from the source
// files themselves, so a new import that breaks the rule fails here, naming the file and the import.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CODE = ['source', 'questionnaire', 'generators'];

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

const IMPORT =
  /(?:^|\n)\s*(import|export)(\s+type)?\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import in a file: relative ones resolved to a path from the repository root. */
function importsOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): Edge[] {
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = m[3] ?? m[4]!;
    const to = spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec;
    return { from: file, to, typeOnly: Boolean(m[2]) };
  });
}

/** source/wizard/flow.ts -> source/wizard; questionnaire/x.ts -> questionnaire. The few files at
 * source/'s root (entry, options, errors, version) each stand alone: source/errors.ts. */
function folderOf(path: string): string {
  const parts = path.split('/');
  return parts[0] === 'source' ? parts.slice(0, 2).join('/') : parts[0]!;
}

const ALL = CODE.flatMap(files);
const EDGES = ALL.flatMap((file) => importsOf(file)).filter(
  (e) => !e.to.startsWith('node:') && e.to.includes('/') && CODE.some((c) => e.to.startsWith(`${c}/`)),
);

function cycles(nodes: string[], edges: [string, string][]): string[][] {
  const next = new Map(nodes.map((n) => [n, new Set<string>()]));
  for (const [a, b] of edges) if (a !== b) next.get(a)?.add(b);
  const found: string[][] = [];
  const visit = (path: string[]) => {
    for (const n of next.get(path.at(-1)!) ?? []) {
      if (n === path[0]) found.push([...path, n]);
      else if (!path.includes(n) && n > path[0]!) visit([...path, n]);
    }
  };
  for (const n of nodes) visit([n]);
  return found;
}

const importsFrom = (folder: string) => EDGES.filter((e) => folderOf(e.from) === folder);
const show = (edges: Edge[]) => edges.map((e) => `${e.from} -> ${e.to}`);

describe('the import rule', () => {
  it('reads the imports it judges (the rule cannot pass on an empty graph)', () => {
    expect(ALL.length).toBeGreaterThan(100);
    expect(EDGES.length).toBeGreaterThan(300);
    expect(
      importsOf(
        'x/a.ts',
        "import type { A } from './b.ts';\nimport { c } from '../c.ts';\nconst d = await import('./d/e.ts');",
      ),
    ).toEqual([
      { from: 'x/a.ts', to: 'x/b.ts', typeOnly: true },
      { from: 'x/a.ts', to: 'c.ts', typeOnly: false },
      { from: 'x/a.ts', to: 'x/d/e.ts', typeOnly: false },
    ]);
  });

  it('no two folders import each other, directly or around a loop', () => {
    const folders = [...new Set(ALL.map(folderOf))];
    expect(
      cycles(
        folders,
        EDGES.map((e) => [folderOf(e.from), folderOf(e.to)]),
      ),
    ).toEqual([]);
    // The check itself finds a loop when there is one.
    expect(
      cycles(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ],
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('no file in questionnaire/ imports itself back around a loop', () => {
    const own = EDGES.filter((e) => folderOf(e.from) === 'questionnaire' && folderOf(e.to) === 'questionnaire');
    expect(
      cycles(
        files('questionnaire'),
        own.map((e) => [e.from, e.to]),
      ),
    ).toEqual([]);
  });

  it('questionnaire/ and generators/ are pure: nothing from source/, no file, process or network I/O', () => {
    const io =
      /^node:(fs|child_process|net|http|https|dgram|tls|worker_threads|process|readline)(\/|$)|^(fs|child_process|net|http|https)$/;
    for (const folder of ['questionnaire', 'generators']) {
      const bad = files(folder)
        .flatMap((f) => importsOf(f))
        .filter((e) => e.to.startsWith('source/') || io.test(e.to));
      expect(show(bad), folder).toEqual([]);
    }
  });

  it('wizard/ decides: it imports neither ui/ nor commands/', () => {
    expect(show(importsFrom('source/wizard').filter((e) => /^source\/(ui|commands)\//.test(e.to)))).toEqual([]);
  });

  it("ui/ draws: from source/ it imports only the wizard's contracts (types, context.ts), errors.ts and text/", () => {
    const allowed = (e: Edge) =>
      !e.to.startsWith('source/') ||
      folderOf(e.to) === 'source/ui' ||
      folderOf(e.to) === 'source/text' ||
      e.to === 'source/errors.ts' ||
      (folderOf(e.to) === 'source/wizard' && (e.typeOnly || e.to === 'source/wizard/context.ts'));
    expect(show(importsFrom('source/ui').filter((e) => !allowed(e)))).toEqual([]);
  });

  it('commands/ wire: only commands/ (and the entry) put the host and the screens together', () => {
    const wiring = EDGES.filter(
      (e) =>
        folderOf(e.to) === 'source/ui' && !e.typeOnly && !['source/ui', 'source/commands'].includes(folderOf(e.from)),
    );
    expect(show(wiring)).toEqual([]);
  });

  it("source/'s root holds at most eight files: the entry, the options table, errors and version", () => {
    const root = readdirSync(join(ROOT, 'source'), { withFileTypes: true }).filter((e) => e.isFile());
    expect(root.length).toBeLessThanOrEqual(8);
  });
});
