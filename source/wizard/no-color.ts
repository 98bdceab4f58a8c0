// NO_COLOR (no-color.org) turns colour off. Chalk, which Ink uses, reads only FORCE_COLOR, and reads
// it once when it loads: so this runs before the first import of Ink.
export function honourNoColor(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') env.FORCE_COLOR = '0';
}
