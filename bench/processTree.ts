/**
 * Peak resident memory of a process and everything it starts (Astro's workers, Pagefind's
 * binary), sampled from /proc: Node's own `maxRSS` only sees the process that asks.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

function parentOf(pid: number): number | undefined {
  try {
    // The command name sits in parentheses and may hold spaces; the fields after it are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function residentBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
  } catch {
    return 0;
  }
}

/** The process and all its descendants alive right now. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(pid);
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

export interface MemorySampler {
  /** Stops sampling; returns the largest total seen, in bytes. */
  stop(): number;
}

/** Samples the tree's summed resident memory every `intervalMs` until stopped. */
export function sampleTreeMemory(rootPid: number, intervalMs = 150): MemorySampler {
  let peak = 0;
  const sample = () => {
    const total = processTree(rootPid).reduce((sum, pid) => sum + residentBytes(pid), 0);
    peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Clock ticks a second in /proc's CPU times (`getconf CLK_TCK`: 100 on Linux). */
const TICKS_A_SECOND = 100;

/**
 * Processor seconds (user and system) of this process's children that have ended and been waited
 * for, their own children's included: read before and after a build, the build's whole tree (its
 * worker threads and Pagefind's binary too).
 */
export function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: cutime and cstime are fields 16 and 17 of stat(5), here 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / TICKS_A_SECOND;
  } catch {
    return 0;
  }
}
