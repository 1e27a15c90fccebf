/**
 * Maven's progress as the user sees it while Neo4j downloads: Maven's own transfer events, read from its
 * batch-mode output (`[INFO] Downloaded from central: <url> (2.1 MB at 5.3 MB/s)`), tallied into files and
 * megabytes so far, and a true summary at the end.
 */

/** One finished download: the file's name and its size in bytes (Maven prints SI units: 1 kB = 1000 B). */
export interface Transfer {
  file: string;
  bytes: number;
}

const UNITS: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };
const DOWNLOADED = /^(?:\[INFO\] )?Downloaded from [^:]+: \S+\/([^/\s]+) \((\d+(?:\.\d+)?) (B|kB|KB|MB|GB) at /;

/** The transfer a line of Maven's output reports as finished, or undefined for any other line. */
export function readTransfer(line: string): Transfer | undefined {
  const match = DOWNLOADED.exec(line);
  if (!match) return undefined;
  const [, file, amount, unit] = match;
  return { file: file as string, bytes: Math.round(Number(amount) * (UNITS[unit as string] ?? 1)) };
}

/** Files and bytes downloaded so far, and how many of the files were jars. */
export class TransferTally {
  files = 0;
  jars = 0;
  bytes = 0;
  last: string | undefined;

  add(transfer: Transfer): void {
    this.files += 1;
    if (transfer.file.endsWith('.jar')) this.jars += 1;
    this.bytes += transfer.bytes;
    this.last = transfer.file;
  }

  /** "42 files, 31.2 MB" */
  describe(): string {
    return `${this.files} file${this.files === 1 ? '' : 's'}, ${(this.bytes / 1e6).toFixed(1)} MB`;
  }
}
