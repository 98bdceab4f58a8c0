// An image as the checks see it: plain data, no SDK types, so checks and formatting stay pure and
// testable without AWS.
export interface ImageRecord {
  imageId: string;
  name: string;
  region: string;
  state?: string;
  /** ISO 8601, as EC2 reports it. */
  creationDate?: string;
  deprecationTime?: string;
  public: boolean;
  /** 'v2.0' when instances launched from it require IMDSv2. */
  imdsSupport?: string;
  tags: { key: string; value: string }[];
  /** EBS block devices; instance-store mappings have no snapshot to encrypt and are left out. */
  ebs: { device: string; snapshotId?: string; encrypted?: boolean }[];
}

/** True when the image carries a deprecation time that has passed. */
export function isDeprecated(image: ImageRecord, now: Date): boolean {
  return image.deprecationTime !== undefined && Date.parse(image.deprecationTime) <= now.getTime();
}
