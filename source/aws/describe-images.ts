// DescribeImages, every page (following NextToken), mapped to plain image records. Each page is one
// AWS call under the session's deadline, and the pages are capped: an endpoint that always offers one
// more page (a broken proxy, a wrong AWS_ENDPOINT_URL_EC2) ends with advice, not after hours.
import type { DescribeImagesCommandInput, Image } from '@aws-sdk/client-ec2';
import { FailureError } from '../errors.ts';
import { printable } from '../text/printable.ts';
import { TIMEOUTS } from './ec2-client.ts';
import type { Ec2Session } from './ec2-client.ts';
import { awsFailure } from './failure.ts';
import type { ImageRecord } from './image-record.ts';

/**
 * 500 pages: 100,000 images at audit's 200 a page, 500,000 at EC2's maximum of 1000; a lookup needs
 * one. Far beyond the images one account owns in a region, near enough that a looping endpoint is
 * stopped within minutes (at an answer a second) instead of never.
 */
const MAX_PAGES = 500;

const ENDPOINT_HINT = 'Check AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL and any proxy in between.';

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
  for await (const page of imagePages(session, input, options.pageSize)) {
    records.push(...page);
    options.onPage?.({ pages: ++pages, images: records.length });
  }
  return records;
}

/**
 * The same listing a page at a time, for a caller that must not hold every image (the organization
 * audit streams them): the page cap, the repeated-token check and the advice are the same.
 */
export async function* imagePages(
  session: Ec2Session,
  input: DescribeImagesCommandInput,
  pageSize?: number,
): AsyncGenerator<ImageRecord[]> {
  const seenTokens = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  let images = 0;
  try {
    do {
      if (pages === MAX_PAGES) throw new FailureError(tooManyPages(session, images));
      const pageInput = {
        ...input,
        ...(pageSize ? { MaxResults: pageSize } : {}),
        ...(token ? { NextToken: token } : {}),
      };
      const page = await session.call((abortSignal) => session.client.describeImages(pageInput, { abortSignal }));
      const records = (page.Images ?? []).map((image) => toImageRecord(image, session.region));
      pages++;
      images += records.length;
      token = page.NextToken || undefined;
      if (token !== undefined && seenTokens.has(token)) throw new FailureError(repeatedToken(session));
      if (token !== undefined) seenTokens.add(token);
      yield records;
    } while (token !== undefined);
  } catch (error) {
    throw await awsFailure(error, {
      action: 'ec2:DescribeImages',
      region: session.region,
      timeoutMs: TIMEOUTS.requestMs,
    });
  }
}

const tooManyPages = (session: Ec2Session, images: number) =>
  [
    `EC2 kept sending more pages: stopped after ${MAX_PAGES} pages (${images} images)${where(session)}.`,
    'That is more than the images an account owns in a region: the endpoint is probably looping.',
    ENDPOINT_HINT,
  ].join('\n  ');

const repeatedToken = (session: Ec2Session) =>
  [`EC2 sent the same page token twice${where(session)}: the listing would never end.`, ENDPOINT_HINT].join('\n  ');

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

const where = (session: Ec2Session) => ` in ${printable(session.region)}`;
