// The base image found by lookup, for people and for scripts. Every value came from EC2: each is
// escaped, so a name cannot move the cursor or start a line of its own.
import { printable } from '../text/printable.ts';
import type { BaseImage } from './find-base-image.ts';
import { jsonOutput } from '../text/json-output.ts';

export function baseImageText(image: BaseImage, label: string): string {
  return [
    `${label} ${image.architecture} in ${printable(image.region)}:`,
    `  name        ${printable(image.name)}`,
    `  id          ${printable(image.imageId)}`,
    `  created     ${printable(image.creationDate || 'unknown')}`,
    `  deprecates  ${printable(image.deprecationTime ?? 'not set')}`,
    '',
  ].join('\n');
}

export function baseImageJson(image: BaseImage): string {
  return jsonOutput({ ...image, deprecationTime: image.deprecationTime ?? null });
}
