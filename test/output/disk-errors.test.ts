// The file-system errors a run can meet, each as a message that says what happened and what to do.
import { describe, expect, it } from 'vitest';
import { asFailure } from '../../source/output/disk-errors.ts';
import { FailureError } from '../../source/errors.ts';

const fsError = (code: string, message = `${code}: no such file or directory, rename 'a' -> 'b'`) =>
  Object.assign(new Error(message), { code });

describe('asFailure', () => {
  // Issue 21: another process swapping folders under --out made a rename fail with ENOENT, which
  // reached the user as "ami-wizard failed unexpectedly: ENOENT ... rename".
  it('a path that vanished mid-run says the folder changed while it was written, not "unexpectedly"', () => {
    const failure = asFailure(fsError('ENOENT'), '/work/out/packer', '/work/out/packer/base.pkr.hcl');
    expect(failure).toBeInstanceOf(FailureError);
    expect((failure as Error).message).toMatch(/changed while ami-wizard wrote to it/);
    expect((failure as Error).message).toMatch(/Run again once nothing else changes that folder/);
    expect((failure as Error).message).not.toMatch(/ENOENT/);
  });

  it('an error it does not know passes through', () => {
    const odd = fsError('EWEIRD');
    expect(asFailure(odd, '/x', '/x/y')).toBe(odd);
  });
});
