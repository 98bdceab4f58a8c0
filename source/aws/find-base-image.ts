// The current base image for an OS, architecture and region: the newest available, non-deprecated
// image that matches the same owners and name filter the generated Packer templates use.
// `lookup` prints it; `generate --resolve` and the wizard can record it (the templates keep selecting by
// filter or SSM parameter, so rebuilds still pick up patched images).
import type { Architecture, OperatingSystem } from '../../questionnaire/answers-schema.ts';
import { platformFacts } from '../../generators/platforms.ts';
import { FailureError } from '../errors.ts';
import { printable } from '../text/printable.ts';
import { describeImages } from './describe-images.ts';
import { openEc2 } from './ec2-client.ts';
import type { ImageRecord } from './image-record.ts';
import { isDeprecated } from './image-record.ts';

export interface BaseImageQuery {
  os: OperatingSystem;
  architecture: Architecture;
  /** Default: the SDK's region (AWS_REGION, the profile). */
  region?: string;
}

export interface BaseImage {
  os: OperatingSystem;
  architecture: Architecture;
  region: string;
  imageId: string;
  name: string;
  creationDate: string;
  /** When EC2 will deprecate it; undefined when none is set. */
  deprecationTime?: string;
  owners: string[];
  nameFilter: string;
}

export interface FindOptions {
  /** The deadline of each AWS call (--aws-timeout). */
  timeoutMs: number;
  now?: Date;
  /** Called once the SDK is loaded and the request is under way (for a spinner). */
  onRequest?: (region: string) => void;
}

export async function findBaseImage(query: BaseImageQuery, options: FindOptions): Promise<BaseImage> {
  const facts = platformFacts(query.os, query.architecture);
  const session = await openEc2({ timeoutMs: options.timeoutMs, ...(query.region ? { region: query.region } : {}) });
  try {
    options.onRequest?.(session.region);
    const images = await describeImages(session, {
      Owners: facts.imageOwners,
      Filters: [
        { Name: 'name', Values: [facts.imageNameFilter] },
        { Name: 'architecture', Values: [query.architecture] },
        { Name: 'state', Values: ['available'] },
      ],
    });
    const current = pickCurrentImage(images, options.now ?? new Date());
    if (!current) {
      throw new FailureError(
        `No current ${facts.label} ${query.architecture} image found in ${session.region} ` +
          `(owners ${facts.imageOwners.join(', ')}, name ${facts.imageNameFilter}).\n  Check the region, or whether the account may see public images there.`,
      );
    }
    if (!/^ami-[0-9a-f]{8,17}$/.test(current.imageId)) {
      throw new FailureError(
        `EC2 answered with an image id that is not one (${printable(current.imageId.slice(0, 40))}); is AWS_ENDPOINT_URL_EC2 pointing at EC2?`,
      );
    }
    return {
      os: query.os,
      architecture: query.architecture,
      region: session.region,
      imageId: current.imageId,
      name: current.name,
      creationDate: current.creationDate ?? '',
      ...(current.deprecationTime ? { deprecationTime: current.deprecationTime } : {}),
      owners: facts.imageOwners,
      nameFilter: facts.imageNameFilter,
    };
  } finally {
    session.client.destroy();
  }
}

/** Newest by creation date among available images whose deprecation time has not passed. */
export function pickCurrentImage(images: readonly ImageRecord[], now: Date): ImageRecord | undefined {
  const time = (image: ImageRecord) => (image.creationDate ? Date.parse(image.creationDate) || 0 : 0);
  return images
    .filter((image) => (image.state ?? 'available') === 'available' && !isDeprecated(image, now))
    .sort((a, b) => time(b) - time(a) || b.name.localeCompare(a.name))[0];
}
