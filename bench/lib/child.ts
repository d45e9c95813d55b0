/**
 * Heavy measurements run in child processes: each gets its own heap, its own
 * peak RSS and its own event loop. A child reports with one marked JSON line on
 * stdout; its progress goes to stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULT_MARK = '@@BENCH_RESULT ';
/** A server child's answer to SIGUSR2: its heap after a full collection. */
export const HEAP_MARK = '@@BENCH_HEAP ';

/**
 * In a server child: on SIGUSR2, collect garbage fully and print the heap still in use. What a
 * long run retains (a leak) shows there, where RSS also moves with V8's heap sizing.
 */
export function answerHeapProbes(): void {
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    process.stdout.write(`${HEAP_MARK}${JSON.stringify({ heapMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20 })}\n`);
  });
}
export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');

export class ChildError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'ChildError';
  }
}

/** Arguments to start a TypeScript entry under node with tsx and an exposed gc. */
export function tsNodeArgs(script: string, args: string[]): string[] {
  return ['--expose-gc', '--import', 'tsx', path.resolve(BENCH_DIR, script), ...args];
}

/**
 * The allocator setting `npm start` runs the service with (package.json): glibc backs its large
 * allocations (the HNSW graph, the postings) with transparent huge pages, so loading an index
 * takes a fault per 2 MB instead of per 4 KB. Every child gets it, ours and the peers alike: it
 * is a property of the machine the systems are compared on, not of either system's code.
 */
export const SERVICE_ENV = { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' } as const;

export function spawnTs(script: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, tsNodeArgs(script, args), {
    cwd: REPO_ROOT,
    env: { ...SERVICE_ENV, ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Call from a child: hand the result to the parent. */
export function reportResult(result: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

/** Runs a child to completion and returns its reported result. */
export function runChild<T>(script: string, args: string[], opts: { env?: Record<string, string>; timeoutMs?: number; label?: string } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(script, args, opts.env);
    let out = '';
    let errTail = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => {
      const s = d.toString();
      errTail = (errTail + s).slice(-4000);
      if (process.env.BENCH_VERBOSE) process.stderr.write(s);
    });
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : undefined;
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (code === 0 && line) {
        resolve(JSON.parse(line.slice(RESULT_MARK.length)) as T);
        return;
      }
      const why = signal ? `killed by ${signal}` : `exit ${code}`;
      reject(new ChildError(`${opts.label ?? script} failed (${why}): ${lastLine(errTail)}`, errTail));
    });
  });
}

function lastLine(s: string): string {
  const lines = s.split('\n').map((l) => l.trim()).filter(Boolean);
  const err = [...lines].reverse().find((l) => /error/i.test(l));
  return (err ?? lines[lines.length - 1] ?? '').slice(0, 300);
}
