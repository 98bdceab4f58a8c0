/** One file the generators produce: a path relative to the output folder (always with `/`). */
export interface GeneratedFile {
  path: string;
  contents: string;
  /** File mode; 0o755 for shell scripts, otherwise 0o644 (PowerShell scripts included). */
  mode: number;
}
