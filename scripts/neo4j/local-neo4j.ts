/**
 * A real Neo4j 5.26 LTS Community server on loopback, for `npm start` and `npm test`.
 *
 * Maven Central carries no tarball of the 5.26 distribution (only its pom), so the server is assembled from
 * the artifacts Neo4j publishes there: `org.neo4j:neo4j` (which holds the server's own entry point,
 * `org.neo4j.server.CommunityEntryPoint`) and `org.neo4j.app:neo4j-server` (HTTP/Query API), resolved with
 * their dependencies by Maven into `.neo4j/dist/<version>/lib`. Each instance gets a home folder under
 * `.neo4j/instances/<name>` with its `neo4j.conf`, data, logs and a generated password (git-ignored).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { readTransfer, TransferTally } from './maven-progress.ts';

/** The newest 5.26 LTS patch on Maven Central when this was written; pinned so every machine runs the same. */
export const NEO4J_VERSION = '5.26.30';

/** Where the distribution and the instances live: git-ignored, beside the checkout's files. */
export const NEO4J_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../.neo4j');

export interface LocalNeo4jOptions {
  /** Instance name: its own folder, data and password (`dev` for npm start, `test` for npm test). */
  instance: string;
  /** Bolt port on 127.0.0.1. */
  boltPort: number;
  /** The variable that moves `boltPort`, named when the port is taken (default LOCAL_NEO4J_PORT). */
  portVariable?: string;
  /** JVM heap (-Xms = -Xmx), e.g. `1g`. */
  heap: string;
  /** Page cache, e.g. `512m`. */
  pageCache: string;
  /** Memory one transaction may take, e.g. `512m` (db.memory.transaction.max). */
  transactionMemory: string;
  /** Wipe the instance's data before starting: a throw-away database. */
  fresh?: boolean;
  /**
   * How often Neo4j looks for transactions past their timeout (db.transaction.monitor.check.interval, ms;
   * Neo4j's default 2,000): a timeout takes effect only at such a check. Tests lower it, so that a short
   * timeout stops a query that runs a fraction of a second.
   */
  timeoutCheckIntervalMs?: number;
  /** Progress lines for the user. */
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  /** False when an instance left running by an earlier command was reused. */
  startedHere: boolean;
  /** Stops the server cleanly (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

export class ProvisionError extends Error {
  override readonly name = 'ProvisionError';
}

const USER = 'neo4j';
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';
/** How long a cold start may take on a busy 2-core machine before we call it failed. */
const START_TIMEOUT_MS = 180_000;
/** How long a clean shutdown may take (it checkpoints) before the process is killed. */
const STOP_TIMEOUT_MS = 60_000;
/** The JVM flags Neo4j's own launcher passes (conf/neo4j.conf's server.jvm.additional defaults). */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
];

const HOW_TO_POINT_ELSEWHERE =
  'Or use an existing Neo4j instead: set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD (see README, "Another Neo4j").';

/** Java 17+ is required by Neo4j 5; returns the `java` command or throws with what to install. */
function requireJava(): string {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const text = `${probe.stdout ?? ''}${probe.stderr ?? ''}`;
  const major = Number(/version "(\d+)/.exec(text)?.[1] ?? NaN);
  if (probe.error || !(major >= 17)) {
    throw new ProvisionError(
      `Java 17 or newer is needed to run the local Neo4j ${probe.error ? '(no `java` found)' : `(found: ${text.split('\n')[0]})`}. ` +
        `Install it, e.g. \`apt-get install openjdk-17-jre-headless\`, or set JAVA_HOME. ${HOW_TO_POINT_ELSEWHERE}`,
    );
  }
  return java;
}

function requireMaven(): void {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new ProvisionError(
      `Maven is needed once, to download Neo4j ${NEO4J_VERSION} from Maven Central (no \`mvn\` found). ` +
        `Install it, e.g. \`apt-get install maven\`. ${HOW_TO_POINT_ELSEWHERE}`,
    );
  }
}

function distributionDir(): string {
  return join(NEO4J_ROOT, 'dist', NEO4J_VERSION);
}

/** Resolves the server's jars with Maven, once; later starts reuse them. */
async function ensureDistribution(log: (line: string) => void): Promise<string> {
  const dir = distributionDir();
  const lib = join(dir, 'lib');
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return lib;
  requireMaven();
  mkdirSync(dir, { recursive: true });
  rmSync(lib, { recursive: true, force: true });
  writeFileSync(
    join(dir, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.kg-explorer</groupId>
  <artifactId>neo4j-runtime</artifactId>
  <version>${NEO4J_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>${NEO4J_VERSION}</version></dependency>
    <dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId><version>${NEO4J_VERSION}</version></dependency>
  </dependencies>
</project>
`,
  );
  log(`downloading Neo4j ${NEO4J_VERSION} Community with Maven (about 140 MB, first run only)…`);
  const mvn = spawn('mvn', ['-B', '-f', join(dir, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tally = new TransferTally();
  const started = Date.now();
  const tail: string[] = [];
  const lines = createInterface({ input: mvn.stdout });
  lines.on('line', (line) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    const transfer = readTransfer(line);
    if (transfer) tally.add(transfer);
  });
  // Every 2 s: what has come so far, or that Maven is still at work when nothing has (it may be reading its
  // local cache, or waiting on the network).
  const progress = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    log(tally.files > 0 ? `  ${tally.describe()} downloaded (${seconds} s; last: ${tally.last})` : `  Maven is resolving Neo4j's jars (${seconds} s)…`);
  }, 2_000);
  mvn.stderr.resume();
  const code = await new Promise<number>((done) => mvn.on('close', (c) => done(c ?? 1))).finally(() => clearInterval(progress));
  if (code !== 0) {
    throw new ProvisionError(
      `Maven could not resolve Neo4j ${NEO4J_VERSION} (exit ${code}). Its last lines:\n${tail.slice(-15).join('\n')}\n${HOW_TO_POINT_ELSEWHERE}`,
    );
  }
  writeFileSync(marker, new Date().toISOString());
  const jars = readdirSync(lib).filter((name) => name.endsWith('.jar')).length;
  const fromCache = Math.max(0, jars - tally.jars);
  log(
    `Neo4j ${NEO4J_VERSION} ready in ${Math.round((Date.now() - started) / 1000)} s: ${jars} jars; ${tally.describe()} downloaded from Maven Central` +
      (fromCache > 0 ? `, ${fromCache} jar${fromCache === 1 ? '' : 's'} from the local Maven cache` : ''),
  );
  return lib;
}

interface InstancePaths {
  home: string;
  conf: string;
  data: string;
  logs: string;
  run: string;
  passwordFile: string;
  pidFile: string;
}

function instancePaths(instance: string): InstancePaths {
  const home = join(NEO4J_ROOT, 'instances', instance);
  return {
    home,
    conf: join(home, 'conf'),
    data: join(home, 'data'),
    logs: join(home, 'logs'),
    run: join(home, 'run'),
    passwordFile: join(home, 'password'),
    pidFile: join(home, 'run', 'neo4j.pid'),
  };
}

function writeConfig(paths: InstancePaths, options: LocalNeo4jOptions): void {
  const lines = [
    '# Written by scripts/neo4j/local-neo4j.ts on every start; edit that file, not this one.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${options.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${options.boltPort}`,
    // The explorer talks Bolt only; the HTTP API and Neo4j Browser stay off.
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.memory.heap.initial_size=${options.heap}`,
    `server.memory.heap.max_size=${options.heap}`,
    `server.memory.pagecache.size=${options.pageCache}`,
    // One query may not take the whole heap: beyond this it fails with TransactionOutOfMemoryError.
    `db.memory.transaction.max=${options.transactionMemory}`,
    ...(options.timeoutCheckIntervalMs === undefined ? [] : [`db.transaction.monitor.check.interval=${options.timeoutCheckIntervalMs}ms`]),
    'dbms.security.auth_enabled=true',
    'dbms.security.allow_csv_import_from_file_urls=false',
    'dbms.usage_report.enabled=false',
    `server.directories.data=${paths.data}`,
    `server.directories.logs=${paths.logs}`,
    `server.directories.run=${paths.run}`,
    `server.directories.import=${join(paths.home, 'import')}`,
    `server.directories.plugins=${join(paths.home, 'plugins')}`,
    '',
  ];
  writeFileSync(join(paths.conf, 'neo4j.conf'), lines.join('\n'));
}

/**
 * 192 random bits as hex. Not base64url: one password in 64 would start with `-`, and the admin tool
 * (picocli) reads that as an unknown option and refuses with "Missing required parameter: '<password>'".
 */
export function generatePassword(): string {
  return randomBytes(24).toString('hex');
}

/** A fresh data folder gets a generated password through Neo4j's own admin tool, before the first start. */
function ensurePassword(java: string, lib: string, paths: InstancePaths): string {
  const authFile = join(paths.data, 'dbms', 'auth.ini');
  if (existsSync(authFile) && existsSync(paths.passwordFile)) {
    return readFileSync(paths.passwordFile, 'utf8').trim();
  }
  rmSync(authFile, { force: true });
  const password = generatePassword();
  const result = spawnSync(java, ['-cp', `${lib}/*`, ADMIN_TOOL, 'dbms', 'set-initial-password', password], {
    env: { ...process.env, NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new ProvisionError(`Setting the initial password failed: ${(result.stderr || result.stdout).split('\n')[0]}`);
  }
  writeFileSync(paths.passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(false));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(paths: InstancePaths): number | undefined {
  if (!existsSync(paths.pidFile)) return undefined;
  const pid = Number(readFileSync(paths.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : undefined;
}

async function stopPid(pid: number, exited: Promise<void> | undefined): Promise<void> {
  if (!processAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (processAlive(pid) && Date.now() < deadline) {
    await Promise.race([exited ?? new Promise((r) => setTimeout(r, 200)), new Promise((r) => setTimeout(r, 200))]);
  }
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
}

function lastLogLines(paths: InstancePaths, count: number): string {
  for (const file of ['console.log', 'neo4j.log']) {
    const path = join(paths.logs, file);
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8').trim();
      if (text) return text.split('\n').slice(-count).join('\n');
    }
  }
  return '(no log written)';
}

/**
 * Starts (or reuses, when its previous run is still up) the named local instance and waits until Bolt
 * answers. The returned `stop()` shuts it down cleanly.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? ((line: string) => console.error(`[neo4j] ${line}`));
  const java = requireJava();
  const lib = await ensureDistribution(log);
  const paths = instancePaths(options.instance);
  const uri = `bolt://127.0.0.1:${options.boltPort}`;

  const running = readPid(paths);
  if (running !== undefined) {
    if (!options.fresh && existsSync(paths.passwordFile) && (await portAnswers(options.boltPort))) {
      log(`reusing the "${options.instance}" instance already running (pid ${running}) on ${uri}`);
      const password = readFileSync(paths.passwordFile, 'utf8').trim();
      return { uri, user: USER, password, startedHere: false, stop: () => stopPid(running, undefined) };
    }
    log(`stopping a leftover "${options.instance}" instance (pid ${running})`);
    await stopPid(running, undefined);
  }
  if (await portAnswers(options.boltPort)) {
    throw new ProvisionError(
      `Port ${options.boltPort} on 127.0.0.1 is taken by another program, so the local Neo4j cannot use it. ` +
        `Stop that program or choose another port with ${options.portVariable ?? 'LOCAL_NEO4J_PORT'}. ${HOW_TO_POINT_ELSEWHERE}`,
    );
  }

  if (options.fresh) rmSync(paths.data, { recursive: true, force: true });
  for (const dir of [paths.conf, paths.data, paths.logs, paths.run, join(paths.home, 'import'), join(paths.home, 'plugins')]) {
    mkdirSync(dir, { recursive: true });
  }
  writeConfig(paths, options);
  const password = ensurePassword(java, lib, paths);

  log(`starting Neo4j ${NEO4J_VERSION} ("${options.instance}", heap ${options.heap}, page cache ${options.pageCache}) on ${uri}…`);
  const consoleLog = createWriteStream(join(paths.logs, 'console.log'));
  const child: ChildProcess = spawn(
    java,
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      ...JVM_FLAGS,
      '-cp',
      `${lib}/*`,
      ENTRY_POINT,
      `--home-dir=${paths.home}`,
      `--config-dir=${paths.conf}`,
    ],
    // Its own process group: Ctrl+C in a terminal reaches only our process, which stops Neo4j when the work
    // in hand allows (a batch being written, a download), instead of Neo4j stopping under it.
    { env: { ...process.env, NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout?.pipe(consoleLog);
  child.stderr?.pipe(consoleLog);
  const pid = child.pid;
  if (pid === undefined) throw new ProvisionError('The Neo4j process could not be started.');
  writeFileSync(paths.pidFile, String(pid));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((done) =>
    child.once('exit', (code) => {
      exitCode = code;
      done();
    }),
  );

  const started = Date.now();
  let lastReport = started;
  while (!(await portAnswers(options.boltPort))) {
    if (exitCode !== undefined) {
      throw new ProvisionError(`Neo4j exited during start-up (code ${exitCode}). Last log lines:\n${lastLogLines(paths, 20)}`);
    }
    if (Date.now() - started > START_TIMEOUT_MS) {
      await stopPid(pid, exited);
      throw new ProvisionError(`Neo4j did not open Bolt within ${START_TIMEOUT_MS / 1000}s. Last log lines:\n${lastLogLines(paths, 20)}`);
    }
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      log(`  still starting (${Math.round((Date.now() - started) / 1000)}s)…`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`Neo4j is up on ${uri} after ${((Date.now() - started) / 1000).toFixed(1)}s (password in ${paths.passwordFile})`);

  return {
    uri,
    user: USER,
    password,
    startedHere: true,
    async stop() {
      await stopPid(pid, exited);
      rmSync(paths.pidFile, { force: true });
      consoleLog.end();
    },
  };
}

/** Stops the named instance if it is running (for `npm run neo4j -- stop`). */
export async function stopLocalNeo4j(instance: string): Promise<boolean> {
  const paths = instancePaths(instance);
  const pid = readPid(paths);
  if (pid === undefined) return false;
  await stopPid(pid, undefined);
  rmSync(paths.pidFile, { force: true });
  return true;
}
