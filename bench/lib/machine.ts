/** The machine a run was taken on: figures mean nothing without it. */
import os from 'node:os';
import { execFileSync } from 'node:child_process';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  platform: string;
  commit: string | null;
  dirty: boolean;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    commit: git(['rev-parse', '--short', 'HEAD']),
    // Earlier results rewritten by a run are its output, not a change to what it measures.
    dirty: !!git(['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench/results']),
  };
}
