import { readdirSync, readFileSync } from 'node:fs';

/** One Linux process: its parent, command line and resident set. */
interface ProcessFacts {
  pid: number;
  ppid: number;
  cmdline: string;
  rssBytes: number;
}

function readProcess(pid: number): ProcessFacts | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may hold spaces: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const rssPages = Number(fields[21]);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return { pid, ppid, cmdline, rssBytes: rssPages * 4096 };
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

/**
 * Resident memory of the extension's renderer process of the Chromium that runs on `profileDir`: the
 * one process (`--extension-process`) that holds the audit page, its worker and the extension's
 * service worker. Other Chromiums on the machine (other profiles) are not counted.
 */
export function extensionProcessRss(profileDir: string): number | null {
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
  const renderers = processes.filter(
    (facts) => facts.cmdline.includes('--extension-process') && descends(facts),
  );
  return renderers.length === 0 ? null : renderers.reduce((sum, facts) => sum + facts.rssBytes, 0);
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
