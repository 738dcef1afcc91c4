import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { CHROMIUM_PATH } from '../../tests/support/browser/launch-browser';

/** The machine a run was measured on. */
export interface MachineInfo {
  nproc: string;
  cpuModel: string;
  memory: string;
  chromium: string;
  node: string;
  os: string;
  /** 1, 5 and 15 minute load averages when the run started and ended (the machine is shared). */
  loadAtStart: number[];
  loadAtEnd: number[];
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Reads nproc, free -h, the Chromium version and the OS. */
export function readMachine(): MachineInfo {
  let osName = `${os.type()} ${os.release()}`;
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    osName = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1] ?? osName;
  } catch {
    // not Linux: keep os.type()
  }
  return {
    nproc: run('nproc', []),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memory: run('free', ['-h']),
    // The Debian wrapper script prints a harmless shell warning on stderr; only stdout is kept.
    chromium: run(CHROMIUM_PATH, ['--version']),
    node: process.version,
    os: osName,
    loadAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
    loadAtEnd: [],
  };
}
