// DescribeImages, every page (the paginator follows NextToken), mapped to plain image records.
import type { DescribeImagesCommandInput, Image } from '@aws-sdk/client-ec2';
import { FailureError } from '../errors.ts';
import { adviceFor } from './advice.ts';
import { TIMEOUTS } from './ec2-client.ts';
import type { Ec2Session } from './ec2-client.ts';
import type { ImageRecord } from './image-record.ts';

/** Far beyond any real account (EC2 allows 1000 images per page); stops a server that pages forever. */
const MAX_PAGES = 10_000;

export interface PageProgress {
  pages: number;
  images: number;
}

export async function describeImages(
  session: Ec2Session,
  input: DescribeImagesCommandInput,
  options: { pageSize?: number; onPage?: (progress: PageProgress) => void } = {},
): Promise<ImageRecord[]> {
  const records: ImageRecord[] = [];
  let pages = 0;
  try {
    const paginator = session.sdk.paginateDescribeImages(
      { client: session.client, stopOnSameToken: true, ...(options.pageSize ? { pageSize: options.pageSize } : {}) },
      { ...input },
    );
    for await (const page of paginator) {
      for (const image of page.Images ?? []) records.push(toImageRecord(image, session.region));
      options.onPage?.({ pages: ++pages, images: records.length });
      if (pages >= MAX_PAGES) throw new FailureError(`EC2 returned more than ${MAX_PAGES} pages of images${where(session)}; stopped.`);
    }
  } catch (error) {
    if (error instanceof FailureError) throw error;
    throw new FailureError(adviceFor(error, { action: 'ec2:DescribeImages', region: session.region, timeoutMs: TIMEOUTS.requestMs }));
  }
  return records;
}

function toImageRecord(image: Image, region: string): ImageRecord {
  return {
    imageId: image.ImageId ?? '',
    name: image.Name ?? '',
    region,
    ...(image.State ? { state: image.State } : {}),
    ...(image.CreationDate ? { creationDate: image.CreationDate } : {}),
    ...(image.DeprecationTime ? { deprecationTime: image.DeprecationTime } : {}),
    public: image.Public === true,
    ...(image.ImdsSupport ? { imdsSupport: image.ImdsSupport } : {}),
    tags: (image.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    ebs: (image.BlockDeviceMappings ?? [])
      .filter((m) => m.Ebs)
      .map((m) => ({
        device: m.DeviceName ?? '',
        ...(m.Ebs!.SnapshotId ? { snapshotId: m.Ebs!.SnapshotId } : {}),
        ...(m.Ebs!.Encrypted !== undefined ? { encrypted: m.Ebs!.Encrypted } : {}),
      })),
  };
}

const where = (session: Ec2Session) => ` in ${session.region}`;
