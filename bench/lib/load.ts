/**
 * Load against a bot endpoint: autocannon on loopback, POST /api/messages with
 * deliveryMode "expectReplies" (the reply comes back in the HTTP response, so
 * the latency is the whole turn). Bodies rotate through a question mix and
 * through user and conversation ids.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import { HEAP_MARK, RESULT_MARK, spawnTs } from './child.js';
import { summarize, type Summary } from './stats.js';

export interface ServerHandle {
  url: string;
  pid: number;
  stop(): Promise<void>;
  /** The server's heap after a full collection (MB), or null when it does not answer in time. */
  heapAfterGc(): Promise<number | null>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  latencyMs: Summary;
  errors: number;
  timeouts: number;
  non2xx: number;
  rssStartMB: number | null;
  rssEndMB: number | null;
  /**
   * Heap after a full collection, a third into the run (the bounded caches are full by then:
   * the mix repeats every 400 requests) and at its end: their difference is what the run retained.
   */
  heapWarmMB: number | null;
  heapEndMB: number | null;
}

/** Starts a server child and resolves once it reports its URL. */
export function startServer(script: string, args: string[], timeoutMs = 120_000): Promise<ServerHandle> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(script, args);
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start in ${timeoutMs} ms: ${err.slice(-500)}`));
    }, timeoutMs);
    child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before listening: ${err.slice(-500)}`));
    });
    const heapWaiters: ((mb: number) => void)[] = [];
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const l of lines.filter((x) => x.startsWith(HEAP_MARK))) heapWaiters.shift()?.((JSON.parse(l.slice(HEAP_MARK.length)) as { heapMB: number }).heapMB);
      const line = lines.find((l) => l.startsWith(RESULT_MARK));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const { url } = JSON.parse(line.slice(RESULT_MARK.length)) as { url: string };
      resolve({
        url,
        pid: child.pid!,
        heapAfterGc: () =>
          new Promise<number | null>((done) => {
            const timer = setTimeout(() => done(null), 10_000);
            heapWaiters.push((mb) => {
              clearTimeout(timer);
              done(mb);
            });
            child.kill('SIGUSR2');
          }),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Resident set size of a process, from /proc (Linux) or ps. */
export function rssOfPid(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  try {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  } catch {
    return null;
  }
}

export function messageActivity(text: string, n: number, users = 500): Record<string, unknown> {
  const user = n % users;
  return {
    type: 'message',
    id: `bench-${n}`,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    timestamp: new Date().toISOString(),
    from: { id: `bench-user-${user}`, name: 'Người dùng thử' },
    recipient: { id: 'vks-assistant', name: 'vks-assistant' },
    conversation: { id: `bench-conv-${user}` },
    locale: 'vi-VN',
    text,
    deliveryMode: 'expectReplies',
  };
}

export async function runLoad(server: ServerHandle, questions: string[], opts: { seconds: number; connections: number }): Promise<LoadResult> {
  const rssStartMB = rssOfPid(server.pid);
  let n = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: server.url,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const i = n++;
          return { ...req, body: JSON.stringify(messageActivity(questions[i % questions.length], i)) };
        },
      },
    ],
  });
  instance.on('response', (_c, _status, _bytes, ms) => latencies.push(ms));
  // One full collection mid-run (tens of ms, a handful of requests of tens of thousands).
  let heapWarm: Promise<number | null> = Promise.resolve(null);
  const probe = setTimeout(() => (heapWarm = server.heapAfterGc()), (opts.seconds * 1000) / 3);
  const r = await instance;
  clearTimeout(probe);
  const rssEndMB = rssOfPid(server.pid);
  const heapWarmMB = await heapWarm;
  const heapEndMB = await server.heapAfterGc();
  return {
    requests: latencies.length,
    seconds: r.duration,
    rps: latencies.length / r.duration,
    latencyMs: summarize(latencies),
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    rssStartMB,
    rssEndMB,
    heapWarmMB,
    heapEndMB,
  };
}
