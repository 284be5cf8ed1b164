/** What the benchmarks ran on: the figures mean little without it. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  os: string;
  date: string;
  /** 1, 5 and 15-minute load averages when the run started and ended. */
  loadStart: number[];
  loadEnd: number[];
  /** Sections rerun alone after the full run (`--only`). */
  reruns?: { sections: string[]; date: string; loadStart: number[]; loadEnd: number[] }[];
}

/** The CPU model as /proc/cpuinfo names it (os.cpus() elsewhere). */
function cpuModel(): string {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const m = /^model name\s*:\s*(.+)$/m.exec(info);
    if (m?.[1]) return m[1].trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

/** Machine facts known before the browser starts. */
export function machineInfo(): MachineInfo {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: 'not launched',
    os: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadStart: loadavg().map((x) => Math.round(x * 100) / 100),
    loadEnd: [],
  };
}

/** The load averages now. */
export function loadNow(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}
