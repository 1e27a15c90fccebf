/**
 * What the integration and browser tests need from the machine, checked in their first seconds (the first
 * global setup of the `integration` project, before Neo4j starts):
 * - what only root can install (Chromium, Java 17, Maven, Python's venv module) is named in one message with the command that installs it, and the run stops there, instead of
 *   failing ten minutes in;
 * - what needs no root (the Python packages that read GraphML back, networkx, igraph and lxml, and schemathesis, which fuzzes the API) is installed
 *   into a virtual environment of the project's own (`.venv-test/`), with pip's progress, when the
 *   machine's `python3` lacks them. The tests run the interpreter this answers (`inject('python')`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { NEO4J_VERSION } from '../../scripts/neo4j/local-neo4j.ts';
import { CHROMIUM_PATH } from '../../scripts/chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The project's own Python environment for the tests, made when the machine's python3 lacks the packages. */
export const TEST_VENV = join(ROOT, '.venv-test');
/**
 * The Python packages the tests import, with the versions they were tested with: the GraphML tests'
 * readers and schema check, and schemathesis, which fuzzes the API (tests/integration/fuzz.test.ts).
 */
export const PYTHON_PACKAGES = ['networkx==3.6.1', 'igraph==1.0.0', 'lxml==6.2.0', 'schemathesis==4.32.5'];
const PYTHON_IMPORTS = 'import networkx, igraph, lxml, schemathesis';

/** A part of the machine that only root can install. */
export interface SystemPart {
  /** What it is, and what it is for. */
  what: string;
  /** Debian's package. */
  debianPackage: string;
}

/** What the probes found; each is true when the part is there and usable. */
export interface MachineProbe {
  chromium: boolean;
  /** Java 17 or newer. */
  java17: boolean;
  maven: boolean;
  python3: boolean;
  /** `python3 -m venv` works (Debian's python3-venv). */
  pythonVenv: boolean;
  /** The machine's python3 imports every package of PYTHON_PACKAGES already (no venv needed). */
  pythonPackages: boolean;
}

/** The parts root must install, from what the probes found: none when the tests can run. */
export function missingSystemParts(probe: MachineProbe): SystemPart[] {
  const missing: SystemPart[] = [];
  if (!probe.chromium) missing.push({ what: `Chromium at ${CHROMIUM_PATH} (the browser tests; or set CHROMIUM_PATH)`, debianPackage: 'chromium' });
  if (!probe.java17) missing.push({ what: 'Java 17 or newer (the test Neo4j; or set JAVA_HOME)', debianPackage: 'openjdk-17-jre-headless' });
  if (!probe.maven) missing.push({ what: `Maven (downloads Neo4j ${NEO4J_VERSION} and GraphML's schema once)`, debianPackage: 'maven' });
  if (!probe.python3) missing.push({ what: 'Python 3 (reads the GraphML exports back)', debianPackage: 'python3' });
  else if (!probe.pythonPackages && !probe.pythonVenv) {
    missing.push({ what: "Python's venv module (to install networkx, igraph and lxml for the tests without root)", debianPackage: 'python3-venv' });
  }
  return missing;
}

/** One message naming every missing part and the one command that installs them all. */
export function missingPartsMessage(missing: readonly SystemPart[]): string {
  return [
    'The tests need parts of the machine that only root can install:',
    ...missing.map((part) => `  - ${part.what}`),
    'Install them with:',
    `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.map((part) => part.debianPackage).join(' ')}`,
    '(.ci/run does this on CI; `npm run test:unit` needs none of them.)',
  ].join('\n');
}

function succeeds(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return !result.error && result.status === 0;
}

function java17(): boolean {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const major = Number(/version "(\d+)/.exec(`${result.stdout ?? ''}${result.stderr ?? ''}`)?.[1] ?? NaN);
  return !result.error && major >= 17;
}

/** Probes this machine (a second or two: each part is asked for its version). */
export function probeMachine(): MachineProbe {
  const python3 = succeeds('python3', ['--version']);
  return {
    chromium: existsSync(CHROMIUM_PATH),
    java17: java17(),
    maven: succeeds('mvn', ['-v']),
    python3,
    pythonVenv: python3 && succeeds('python3', ['-c', 'import venv, ensurepip']),
    pythonPackages: python3 && succeeds('python3', ['-c', PYTHON_IMPORTS]),
  };
}

/** Runs a command, passing each line it prints to `log`; rejects when it fails. */
async function runLogged(command: string, args: string[], log: (line: string) => void): Promise<void> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  createInterface({ input: child.stdout }).on('line', (line) => line.trim() && log(line.trim()));
  createInterface({ input: child.stderr }).on('line', (line) => line.trim() && log(line.trim()));
  const code = await new Promise<number>((done) => child.on('close', (status) => done(status ?? 1)));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${code})`);
}

/**
 * The Python interpreter the tests run: the machine's python3 when it has the packages, else the one of
 * `.venv-test/`, made and filled on the spot (once; about 60 MB from PyPI) with pip's progress in `log`.
 */
export async function ensureTestPython(probe: MachineProbe, log: (line: string) => void): Promise<string> {
  if (probe.pythonPackages) return 'python3';
  const python = join(TEST_VENV, 'bin', 'python');
  if (existsSync(python) && succeeds(python, ['-c', PYTHON_IMPORTS])) return python;
  log(`python3 lacks some of the tests' Python packages: installing ${PYTHON_PACKAGES.join(', ')} into ${TEST_VENV} (once, no root needed)`);
  await runLogged('python3', ['-m', 'venv', TEST_VENV], log);
  await runLogged(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--progress-bar', 'off', ...PYTHON_PACKAGES], log);
  if (!succeeds(python, ['-c', PYTHON_IMPORTS])) throw new Error(`The packages were installed into ${TEST_VENV} but do not import.`);
  log('installed');
  return python;
}
