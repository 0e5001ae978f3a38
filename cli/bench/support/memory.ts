import { readdirSync, readFileSync } from 'node:fs';

/** One process as /proc shows it. */
interface Proc {
  pid: number;
  ppid: number;
  comm: string;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split at the last ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    return { pid, ppid, comm };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** Rss and Pss of a process in kB (smaps_rollup); zeros when it is gone. */
function memoryKb(pid: number): { rss: number; pss: number } {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { rss: field('Rss'), pss: field('Pss') };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

export interface TreeMemory {
  /** Resident memory of this process and everything below it (VmRSS summed: shared pages count in each). */
  rssMb: number;
  /** The same with shared pages divided among their sharers (proportional set size): what the tree really holds. */
  pssMb: number;
  /** This Node.js process alone (in the benchmarks it also hosts the sandbox portals and the embedded store). */
  selfRssMb: number;
  /** The processes below it (the Chromium browsers and their renderers): RSS and PSS. */
  childrenRssMb: number;
  childrenPssMb: number;
  processes: number;
}

/**
 * Memory of this process and every process below it — the Chromium browsers with their renderers — except a
 * redis-server it started (not part of the bots), read from /proc.
 */
export function treeMemory(root = process.pid, exclude: readonly string[] = ['redis-server']): TreeMemory {
  const children = new Map<number, Proc[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const proc = readProc(Number(name));
    if (proc) children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), proc]);
  }
  const self = memoryKb(root);
  let { rss, pss } = self;
  let processes = 1;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const proc = stack.pop() as Proc;
    if (exclude.includes(proc.comm)) continue;
    const kb = memoryKb(proc.pid);
    rss += kb.rss;
    pss += kb.pss;
    processes += 1;
    stack.push(...(children.get(proc.pid) ?? []));
  }
  return {
    rssMb: rss / 1024,
    pssMb: pss / 1024,
    selfRssMb: self.rss / 1024,
    childrenRssMb: (rss - self.rss) / 1024,
    childrenPssMb: (pss - self.pss) / 1024,
    processes,
  };
}

const KEYS = ['rssMb', 'pssMb', 'selfRssMb', 'childrenRssMb', 'childrenPssMb', 'processes'] as const;
/** Each figure's own peak (they need not come from the same sample). */
const peakOf = (a: TreeMemory, b: TreeMemory): TreeMemory =>
  Object.fromEntries(KEYS.map((key) => [key, Math.max(a[key], b[key])])) as unknown as TreeMemory;
const ZERO: TreeMemory = Object.fromEntries(KEYS.map((key) => [key, 0])) as unknown as TreeMemory;

export const roundMemory = (m: TreeMemory): TreeMemory =>
  Object.fromEntries(KEYS.map((key) => [key, Math.round(m[key])])) as unknown as TreeMemory;

/** Samples treeMemory every `intervalMs`, keeping the peaks of the whole run and of the current window. */
export function sampleMemory(intervalMs = 250): { reset(): TreeMemory; stop(): TreeMemory } {
  let window = ZERO;
  let overall = ZERO;
  const sample = () => {
    const now = treeMemory();
    window = peakOf(window, now);
    overall = peakOf(overall, now);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    /** Starts a new window; returns the peaks of the one that ended. */
    reset() {
      sample();
      const ended = window;
      window = ZERO;
      return roundMemory(ended);
    },
    stop() {
      clearInterval(timer);
      sample();
      return roundMemory(overall);
    },
  };
}
