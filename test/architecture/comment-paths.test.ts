// Comments (and error messages) that name a file name a file that exists: a reader who follows a
// comment to a file since renamed or moved, or an error message to the file it says to edit, and
// finds nothing has been told something false, and nothing else notices the rename.
//
// What counts as a mention: in the comments of source/, questionnaire/, generators/, scripts/, test/
// and .ci/run, a word that ends in one of the repository's own file extensions (`plan.ts`,
// `output/plan.ts`, `*.md`), and in string literals a path under one of the repository's top-level
// folders (`source/output/plan.ts`; bare names in strings are mostly the files the wizard writes).
// A mention resolves when it is a path from the repository root or from the commenting file's folder,
// the tail of a path in the repository (`output/plan.ts`), or, with no folder, the name of some file
// in it. Names that are not the repository's own files are allowed, and each kind is listed here
// rather than matched by a looser pattern:
// - the files the generators write: every path the generated folder of the default answers holds
//   (generators/folder.ts), by its whole path or its name (`variables.pkr.hcl`, `decision.md`);
// - files of other projects and of the user's machine, by name in OUTSIDE below, each with why.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CONFIG_TOOLS } from '../../questionnaire/config-tool.ts';
import { BUILDERS, OPERATING_SYSTEMS } from '../../questionnaire/answer-values.ts';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import { generate } from '../support/generate.ts';
import { minimalAnswers } from '../support/answers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['source', 'questionnaire', 'generators', 'scripts', 'test', '.ci/run'];
const TOP_FOLDERS = ['source', 'questionnaire', 'generators', 'templates', 'scripts', 'test', '.ci'];
const EXTENSIONS = ['ts', 'tsx', 'mjs', 'cjs', 'js', 'md', 'json', 'yaml', 'yml', 'hcl', 'hbs', 'sh'];

/** Names that are not this repository's files, and where they come from. */
const OUTSIDE: Record<string, string> = {
  'Node.js': 'the runtime, not a file',
  'dist/cli.js': 'what npm run build writes (not in git)',
  '.ami-wizard/journal.json': "the writer's state inside --out (source/output/journal.ts), not a generated file",
  'recommend-AB12CD34.js': 'an example of the chunk names esbuild gives a split bundle',
  'file-or-dir.pkr.hcl': "Packer's own usage text",
  'team.yaml': 'an example of an answers file name a user types',
  'team-2.yaml': 'the save-as name the wizard offers after team.yaml',
  'team-3.yaml': 'the save-as name the wizard offers after team-2.yaml',
  'answers.yaml': 'the name tests give an answers file they write or parse',
  'x.json': 'a placeholder file name in an example command line',
  'questionnaire/x.ts': 'a placeholder: any file in questionnaire/',
  'scripts/x.sh': 'a path outside the generated folders, which the planner refuses',
};

const FILES: readonly string[] = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);

/**
 * The paths the generators write: those of a fully baked folder (the design with the most files)
 * for every OS, builder and configuration tool, with two roles and an on-premises bootstrap, and
 * every path a generator spells out (`path: 'iam/kms-key-policy-statements.json'`, written only for
 * some keys).
 */
async function generatedPaths(): Promise<string[]> {
  const paths = new Set<string>();
  const roles = [
    { name: 'web', software: [] },
    { name: 'api', software: [] },
  ];
  for (const os of OPERATING_SYSTEMS)
    for (const builder of BUILDERS)
      for (const configManagement of CONFIG_TOOLS) {
        const answers = minimalAnswers();
        const input = {
          ...answers,
          guidance: { ...answers.guidance, onPremises: true },
          platform: { os },
          roles,
          builder,
          configManagement,
          strategy: 'fully-baked',
        };
        const parsed = z.safeParse(AnswersSchema, input);
        if (parsed.success) for (const file of await generate(parsed.data)) paths.add(file.path);
      }
  for (const file of FILES.filter((f) => f.startsWith('generators/')))
    for (const [, path] of readFileSync(join(ROOT, file), 'utf8').matchAll(/path: '([^']+)'/g)) paths.add(path!);
  return [...paths];
}
const GENERATED: readonly string[] = await generatedPaths();

const word = `(?:[\\w.*-]+/)*[\\w*-][\\w.*-]*\\.(?:${EXTENSIONS.join('|')})`;
const MENTION = new RegExp(`(?<![\\w./@:-])(${word})(?![\\w/-]|\\.\\w)`, 'g');
const PATH_IN_STRING = new RegExp(
  `(?<![\\w./@:-])((?:${TOP_FOLDERS.map((f) => f.replace('.', '\\.')).join('|')})/${word})(?![\\w/-]|\\.\\w)`,
  'g',
);

/** The comments of a file, and its string literals (a rough lexer: good enough for our own files). */
function commentsAndStrings(path: string, text: string): { comments: string[]; strings: string[] } {
  if (!/\.(ts|tsx|mjs|cjs|js)$/.test(path))
    return { comments: text.split('\n').filter((line) => /^\s*#/.test(line)), strings: [] };
  const comments: string[] = [];
  const strings: string[] = [];
  const token =
    /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`|\/(?![*/])(?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+\/[a-z]*/g;
  for (const [t] of text.matchAll(token)) {
    if (t.startsWith('//') || t.startsWith('/*')) comments.push(t);
    else if (!t.startsWith('/')) strings.push(t);
  }
  return { comments, strings };
}

function resolves(mention: string, from: string): boolean {
  const name = mention.replace(/^\.\//, '');
  if (name.includes('*')) {
    const pattern = new RegExp(`(^|/)${name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    return FILES.some((file) => pattern.test(file)) || GENERATED.some((file) => pattern.test(file));
  }
  if (name in OUTSIDE) return true;
  if (GENERATED.some((file) => file === name || basename(file) === name || file.endsWith(`/${name}`))) return true;
  if (!name.includes('/')) return FILES.some((file) => basename(file) === name);
  const candidates = [normalize(name), normalize(join(dirname(from), name))];
  return FILES.some((file) => candidates.includes(file) || file.endsWith(`/${name}`));
}

function mentions(): { file: string; mention: string }[] {
  const found: { file: string; mention: string }[] = [];
  for (const file of FILES.filter((f) => SCANNED.some((s) => f === s || f.startsWith(`${s}/`)))) {
    if (!/\.(ts|tsx|mjs|cjs|js)$/.test(file) && file !== '.ci/run') continue;
    const { comments, strings } = commentsAndStrings(file, readFileSync(join(ROOT, file), 'utf8'));
    for (const comment of comments)
      for (const [, mention] of comment.matchAll(MENTION)) found.push({ file, mention: mention! });
    for (const string of strings)
      for (const [, mention] of string.matchAll(PATH_IN_STRING)) found.push({ file, mention: mention! });
  }
  return found;
}

describe('comments name files that exist', () => {
  it('finds mentions to check (the scanner works)', () => {
    const all = mentions();
    expect(all.length).toBeGreaterThan(50);
    expect(GENERATED).toEqual(
      expect.arrayContaining(['decision.md', 'packer/variables.pkr.hcl', 'imagebuilder/image-builder.yaml']),
    );
    expect(all).toContainEqual({ file: 'source/output/plan.ts', mention: 'generated-paths.ts' });
  });

  it('every file a comment or an error message names is in the repository, or is one the wizard generates', () => {
    const missing = mentions()
      .filter(({ file, mention }) => !resolves(mention, file))
      .map(({ file, mention }) => `${file}: ${mention}`);
    expect([...new Set(missing)]).toEqual([]);
  });
});
