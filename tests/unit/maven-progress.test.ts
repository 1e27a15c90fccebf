import { describe, expect, it } from 'vitest';
import { readTransfer, TransferTally } from '../../scripts/neo4j/maven-progress.ts';

// Lines as Maven 3.8 prints them in batch mode (-B), taken from a run with an empty local repository.
const LINES = [
  '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.30/neo4j-kernel-5.26.30.jar',
  '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.30/neo4j-kernel-5.26.30.jar (6.2 MB at 3.1 MB/s)',
  '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/apache/maven/plugins/maven-plugins/22/maven-plugins-22.pom (13 kB at 522 kB/s)',
  '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-values/5.26.30/neo4j-values-5.26.30.jar (512 B at 2.0 kB/s)',
  '[INFO] Copying neo4j-kernel-5.26.30.jar to /work/.neo4j/dist/5.26.30/lib/neo4j-kernel-5.26.30.jar',
  '[INFO] BUILD SUCCESS',
];

describe('Maven’s download progress', () => {
  it('reads a finished transfer from Maven’s batch output, with its size in bytes (SI units, as Maven prints them)', () => {
    expect(readTransfer(LINES[1] as string)).toEqual({ file: 'neo4j-kernel-5.26.30.jar', bytes: 6_200_000 });
    expect(readTransfer(LINES[2] as string)).toEqual({ file: 'maven-plugins-22.pom', bytes: 13_000 });
    expect(readTransfer(LINES[3] as string)).toEqual({ file: 'neo4j-values-5.26.30.jar', bytes: 512 });
    // The same line without the [INFO] prefix (Maven without -B, or a log that strips it).
    expect(readTransfer((LINES[1] as string).replace('[INFO] ', ''))).toEqual({ file: 'neo4j-kernel-5.26.30.jar', bytes: 6_200_000 });
  });

  it('ignores the lines that report no finished download', () => {
    for (const line of [LINES[0], LINES[4], LINES[5]]) expect(readTransfer(line as string)).toBeUndefined();
  });

  it('tallies files, jars and megabytes so far', () => {
    const tally = new TransferTally();
    for (const line of LINES) {
      const transfer = readTransfer(line);
      if (transfer) tally.add(transfer);
    }
    expect({ files: tally.files, jars: tally.jars, bytes: tally.bytes, last: tally.last }).toEqual({
      files: 3,
      jars: 2,
      bytes: 6_213_512,
      last: 'neo4j-values-5.26.30.jar',
    });
    expect(tally.describe()).toBe('3 files, 6.2 MB');
  });
});
