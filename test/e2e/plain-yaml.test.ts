// The built CLI reads a plain answers file without js-yaml (source/answers/quick-yaml.ts) and loads
// js-yaml for one beyond plain YAML, with the same result: the same answers in another spelling give
// the same recommendation. A preloaded script lists the bundle files the process opens.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/answers.ts';
import { CLI, assertBuilt } from '../support/cli.ts';

const example = new URL('../../examples/hybrid.yaml', import.meta.url).pathname;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** `recommend --json` on `file`, and the names of the files of dist/ the process opened. */
function recommend(file: string) {
  assertBuilt();
  const log = join(dir, 'opened.txt');
  const spy = join(dir, 'spy.cjs');
  writeFileSync(
    spy,
    `const fs = require('node:fs');
const opened = [];
for (const name of ['openSync', 'readFileSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    opened.push(String(path));
    return original.call(this, path, ...rest);
  };
}
process.on('exit', () => fs.writeFileSync(${JSON.stringify(log)}, opened.join('\\n')));
`,
  );
  const result = spawnSync(process.execPath, ['--require', spy, CLI, 'recommend', '--answers', file, '--json'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const dist = join(CLI, '..');
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter((path) => path.startsWith(`${dist}/`))
    .map((path) => basename(path));
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, files };
}

describe('reading the answers file', () => {
  it('reads a plain file without loading js-yaml, and one beyond plain YAML with it, alike', () => {
    const plain = recommend(example);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.files).toContain('answers-read.js'); // the spy sees the bundle's files
    expect(plain.files).not.toContain('js-yaml.js');

    // The same answers, one value written with an escape, one list over two lines: js-yaml reads it.
    const text = readFileSync(example, 'utf8')
      .replace('owner: commerce-team', 'owner: "commerce\\x2Dteam"')
      .replace('regions: [us-east-1, us-west-2]', 'regions: [us-east-1,\n    us-west-2]');
    expect(text).toContain('\\x2D');
    const other = join(dir, 'escaped.yaml');
    writeFileSync(other, text);
    const beyond = recommend(other);
    expect(beyond.code, beyond.stderr).toBe(0);
    expect(beyond.files).toContain('js-yaml.js');
    expect(beyond.stdout).toBe(plain.stdout);
  });
});
