// Runs a generated build-machine script (make promote, make prune) against aws-cli-stub.py first on
// PATH: a small account the stub answers from and changes, and every call it received.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON, run, toolMissing } from './tools.ts';

export interface StubImage {
  ImageId: string;
  Region: string;
  CreationDate: string;
  Tags: { Key: string; Value: string }[];
  BlockDeviceMappings: { DeviceName: string; Ebs: { SnapshotId: string } }[];
}

export interface StubAccount {
  images: StubImage[];
  /** "REGION/snap-..." for every snapshot there is. */
  snapshots: string[];
  /** Per region, parameter name -> value. */
  parameters: Record<string, Record<string, string>>;
}

const STUB = fileURLToPath(new URL('./aws-cli-stub.py', import.meta.url));

let stubRuns: boolean | undefined;

/** Whether the stub can run: Debian's python3 with python3-jmespath, as the AWS CLI has. Loud when not. */
export function hasAwsStub(): boolean {
  stubRuns ??= spawnSync(PYTHON, ['-c', 'import jmespath'], { stdio: 'ignore' }).status === 0;
  if (!stubRuns)
    toolMissing(
      'python3-jmespath',
      `validator missing: ${PYTHON} cannot import jmespath (apt-get install python3-jmespath), so the scripts that call the AWS CLI are not run`,
    );
  return stubRuns;
}

/** An account in `dir`, an `aws` on PATH that answers from it, and a way to run a script against it. */
export function awsStub(dir: string, account: StubAccount) {
  const bin = join(dir, 'stub-bin');
  mkdirSync(bin, { recursive: true });
  const state = join(dir, 'aws-state.json');
  const log = join(dir, 'aws-calls.jsonl');
  writeFileSync(state, JSON.stringify(account));
  writeFileSync(log, '');
  writeFileSync(join(bin, 'aws'), `#!/bin/sh\nexec ${PYTHON} ${STUB} "$@"\n`);
  chmodSync(join(bin, 'aws'), 0o755);
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    AWS_STUB_STATE: state,
    AWS_STUB_LOG: log,
    AWS_REGION: '',
    AWS_DEFAULT_REGION: '',
    ...extra,
  });
  return {
    run: (command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
      run(command, args, { cwd: options.cwd ?? dir, env: env(options.env) }),
    /** Every call: the arguments after `aws`. */
    calls: (): string[][] =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    account: (): StubAccount => JSON.parse(readFileSync(state, 'utf8')),
  };
}

/** The calls of one operation (`ec2 deregister-image`), each as its options (`--image-id` -> values). */
export function callsOf(calls: string[][], service: string, operation: string): Record<string, string[]>[] {
  return calls
    .filter((c) => c[0] === service && c[1] === operation)
    .map((c) => {
      const options: Record<string, string[]> = {};
      let name = '';
      for (const word of c.slice(2)) {
        if (word.startsWith('--')) options[(name = word.slice(2))] = [];
        else options[name]!.push(word);
      }
      return options;
    });
}
