/**
 * A throw-away redis-server for tests, on a free loopback port. With
 * `persistent`, it keeps an append-only file (fsync on every write) in a temp
 * directory, so a test can kill it and start it again on the same port and
 * find its data: "Redis goes away and comes back" for real.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_BINARY = 'redis-server';
/** The Debian package that provides the binary (installed by scripts/test-setup.sh). */
export const REDIS_DEBIAN_PACKAGE = 'redis-server';

export interface TestRedis {
  port: number;
  url: string;
  dir: string;
  /** Ends the server: SIGKILL simulates a crash, SIGTERM a clean shutdown. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and directory. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** One RESP PING over a raw socket: true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let data = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      data += chunk.toString();
      if (data.includes('\r\n')) done(data.startsWith('+PONG'));
    });
  });
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function startRedis(opts: { persistent?: boolean; /** Test seam for the missing-binary message. */ binary?: string } = {}): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'vks-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no', '--loglevel', 'warning'];
  args.push(...(opts.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']));
  let child: ChildProcess | null = null;
  let output = '';

  const start = async () => {
    const proc = spawn(opts.binary ?? REDIS_BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    live.add(proc);
    proc.stdout!.on('data', (c) => (output = (output + c).slice(-4000)));
    proc.stderr!.on('data', (c) => (output = (output + c).slice(-4000)));
    const failed = new Promise<never>((_, reject) => {
      proc.once('error', (err: NodeJS.ErrnoException) => {
        live.delete(proc);
        reject(
          err.code === 'ENOENT'
            ? new Error(`${opts.binary ?? REDIS_BINARY} not found: install the Debian package "${REDIS_DEBIAN_PACKAGE}" (apt-get install ${REDIS_DEBIAN_PACKAGE}, or run scripts/test-setup.sh)`)
            : err,
        );
      });
      proc.once('exit', (code) => {
        live.delete(proc);
        reject(new Error(`${REDIS_BINARY} exited with ${code} before answering PING:\n${output}`));
      });
    });
    const ready = (async () => {
      for (let i = 0; i < 200; i++) {
        if (await ping(port)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${REDIS_BINARY} on port ${port} did not answer PING:\n${output}`);
    })();
    await Promise.race([ready, failed]);
    failed.catch(() => undefined);
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    live.delete(proc);
  };

  try {
    await start();
  } catch (err) {
    await stop('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    dir,
    stop,
    start,
    async dispose() {
      await stop('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
