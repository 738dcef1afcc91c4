import { readdirSync, readFileSync } from 'node:fs';

/** One Linux process: its parent, command line and resident set. */
interface ProcessFacts {
  pid: number;
  ppid: number;
  cmdline: string;
  rssBytes: number;
  /** User and system CPU time so far (ms). */
  cpuMs: number;
}

/** Linux reports CPU time in clock ticks of 1/100 s. */
const TICK_MS = 10;

function readProcess(pid: number): ProcessFacts | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may hold spaces: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const rssPages = Number(fields[21]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    const cpuMs = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    return { pid, ppid, cmdline, rssBytes: rssPages * 4096, cpuMs };
  } catch {
    // The process ended while being read.
    return null;
  }
}

function allProcesses(): ProcessFacts[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcess(Number(name)))
    .filter((facts): facts is ProcessFacts => facts !== null);
}

/** The Chromium running on one profile, as the kernel sees it. */
export interface ChromiumUsage {
  /** Resident set of the extension's renderer (`--extension-process`): audit page, its worker, service worker. */
  extensionRssBytes: number;
  /** CPU time of that renderer so far (ms). */
  extensionCpuMs: number;
  /** CPU time of the whole Chromium (browser, network, GPU and every renderer) so far (ms). */
  allCpuMs: number;
}

/**
 * Reads the Chromium that runs on `profileDir` (its browser process has that --user-data-dir) and its
 * descendants; other Chromiums on the machine are not counted. Null when it is not running.
 */
export function chromiumUsage(profileDir: string): ChromiumUsage | null {
  const processes = allProcesses();
  const byPid = new Map(processes.map((facts) => [facts.pid, facts]));
  const browserPid = processes.find(
    (facts) => facts.cmdline.includes(`--user-data-dir=${profileDir}`) && !facts.cmdline.includes('--type='),
  )?.pid;
  if (browserPid === undefined) return null;
  const descends = (facts: ProcessFacts) => {
    for (let at: ProcessFacts | undefined = facts; at; at = byPid.get(at.ppid))
      if (at.pid === browserPid) return true;
    return false;
  };
  const family = processes.filter(descends);
  const extension = family.filter((facts) => facts.cmdline.includes('--extension-process'));
  return {
    extensionRssBytes: extension.reduce((sum, facts) => sum + facts.rssBytes, 0),
    extensionCpuMs: extension.reduce((sum, facts) => sum + facts.cpuMs, 0),
    allCpuMs: family.reduce((sum, facts) => sum + facts.cpuMs, 0),
  };
}

/** Resident set and CPU time of one process, or null once it ended. */
export function processUsage(pid: number): { rssBytes: number; cpuMs: number } | null {
  const facts = readProcess(pid);
  return facts ? { rssBytes: facts.rssBytes, cpuMs: facts.cpuMs } : null;
}

/** Samples a reading every `everyMs` until stopped; `stop` answers the highest reading seen. */
export function samplePeak(read: () => Promise<number | null> | number | null, everyMs = 200) {
  let peak: number | null = null;
  let running = true;
  const loop = (async () => {
    while (running) {
      const value = await Promise.resolve(read()).catch(() => null);
      if (value !== null && (peak === null || value > peak)) peak = value;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async (): Promise<number | null> => {
    running = false;
    await loop;
    return peak;
  };
}
