// --view's grouping of a Resource Explorer view's resources (imageIndex, source/aws/org-clients.ts):
// what it keeps is image ids by account and region, and nothing of the resources it was given. For
// 200 accounts x 17 regions x 50 images that is 170,000 resources; keeping the SDK's objects (or
// slices of their ARNs) put the --view bench over its 300 MB target.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { imageIndex } from '../../source/aws/org-clients.ts';
import type { IndexedResource } from '../../source/aws/org-clients.ts';

const A = '111111111111';
const B = '222222222222';

function resource(account: string, region: string, id: string): IndexedResource & Record<string, unknown> {
  return {
    Arn: `arn:aws:ec2:${region}:${account}:image/${id}`,
    OwningAccountId: account,
    Region: region,
    ResourceType: 'ec2:image',
    LastReportedAt: new Date(0),
    Properties: [{ Name: 'tags', Data: { big: 'x'.repeat(10_000) } }],
  };
}

it('groups ids by account and region, once each, and skips what is not an image', () => {
  const index = imageIndex();
  index.add(resource(A, 'eu-west-1', 'ami-0123456789abcdef0'));
  index.add(resource(A, 'eu-west-1', 'ami-0123456789abcdef0')); // listed twice
  index.add(resource(A, 'us-east-1', 'ami-11111111'));
  index.add(resource(B, 'eu-west-1', 'ami-22222222'));
  index.add({ Arn: `arn:aws:ec2:eu-west-1:${A}:snapshot/snap-0123` });
  index.add({ Arn: `arn:aws:ec2:eu-west-1:not-an-account:image/ami-33333333` });
  // No OwningAccountId or Region: read from the ARN.
  index.add({ Arn: `arn:aws:ec2:ap-south-1:${B}:image/ami-44444444` });
  const images = index.images();
  expect(images).toEqual(
    new Map([
      [
        A,
        new Map([
          ['eu-west-1', ['ami-0123456789abcdef0']],
          ['us-east-1', ['ami-11111111']],
        ]),
      ],
      [
        B,
        new Map([
          ['eu-west-1', ['ami-22222222']],
          ['ap-south-1', ['ami-44444444']],
        ]),
      ],
    ]),
  );
  // Only strings: nothing of a resource (its Properties, its date) rides along.
  for (const regions of images.values())
    for (const [region, ids] of regions) {
      expect(typeof region).toBe('string');
      for (const id of ids) expect(id).toMatch(/^ami-[0-9a-f]{8,17}$/);
    }
});

function addSome(index: ReturnType<typeof imageIndex>): WeakRef<object>[] {
  const refs: WeakRef<object>[] = [];
  for (let i = 0; i < 50; i++) {
    const r = resource(A, 'eu-west-1', `ami-${String(i).padStart(17, '0')}`);
    refs.push(new WeakRef(r), new WeakRef(r.Properties as object));
    index.add(r);
  }
  return refs;
}

it('keeps no resource alive once it is added', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const index = imageIndex();
  // Made in a function of their own: an async function's suspended frame could hold the last one.
  const refs = addSome(index);
  // Collected only after the task that made them ends (WeakRef targets are kept through the turn).
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  expect(refs.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  expect(index.images().get(A)?.get('eu-west-1')).toHaveLength(50);
});
