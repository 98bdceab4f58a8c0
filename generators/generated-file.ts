/** One file the generators produce: a path relative to the output folder (always with `/`). */
export interface GeneratedFile {
  path: string;
  contents: string;
  /** File mode; 0o755 for scripts, otherwise 0o644. */
  mode: number;
}
