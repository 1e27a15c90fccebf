import { describe, expect, it } from 'vitest';
import { missingPartsMessage, missingSystemParts, type MachineProbe } from '../support/prerequisites.ts';

const READY: MachineProbe = { chromium: true, java17: true, maven: true, python3: true, pythonVenv: true, pythonPackages: true };

describe('the test run’s prerequisites', () => {
  it('asks root for nothing on a machine that has every part', () => {
    expect(missingSystemParts(READY)).toEqual([]);
    expect(missingSystemParts({ ...READY, pythonVenv: false })).toEqual([]);
    expect(missingSystemParts({ ...READY, pythonPackages: false })).toEqual([]);
  });

  it('names every part root must install in one message, with the one command that installs them all', () => {
    const missing = missingSystemParts({ chromium: false, java17: false, maven: false, python3: true, pythonVenv: false, pythonPackages: false });
    expect(missing.map((part) => part.debianPackage)).toEqual(['chromium', 'openjdk-17-jre-headless', 'maven', 'python3-venv']);
    const message = missingPartsMessage(missing);
    expect(message).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium openjdk-17-jre-headless maven python3-venv');
    expect(message.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(4);
  });

  it('asks for Python itself, not its venv module, when there is no python3', () => {
    const missing = missingSystemParts({ ...READY, python3: false, pythonVenv: false, pythonPackages: false });
    expect(missing.map((part) => part.debianPackage)).toEqual(['python3']);
  });
});
