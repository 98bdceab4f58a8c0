// The base image found by lookup, for people and for scripts.
import type { BaseImage } from './find-base-image.ts';

export function baseImageText(image: BaseImage, label: string): string {
  return [
    `${label} ${image.architecture} in ${image.region}:`,
    `  name        ${image.name}`,
    `  id          ${image.imageId}`,
    `  created     ${image.creationDate || 'unknown'}`,
    `  deprecates  ${image.deprecationTime ?? 'not set'}`,
    '',
  ].join('\n');
}

export function baseImageJson(image: BaseImage): string {
  return `${JSON.stringify({ ...image, deprecationTime: image.deprecationTime ?? null }, null, 2)}\n`;
}
