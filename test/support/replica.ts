/** Starts bot replicas (the real entry point, bot/index.ts) as child processes and talks to them over HTTP. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './redis.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'bot', 'index.ts');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Replica {
  name: string;
  url: string;
  proc: ChildProcess;
  /** Recent stdout/stderr, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function startReplica(name: string, env: Record<string, string>, readyTimeoutMs = 90_000): Promise<Replica> {
  const port = await freePort();
  const proc = spawn(process.execPath, [TSX, ENTRY], {
    cwd: ROOT,
    // Only what the process needs: no app credentials or state settings leak in from the outer environment.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  proc.stdout!.on('data', append);
  proc.stderr!.on('data', append);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica ${name} not ready after ${readyTimeoutMs} ms:\n${log}`)), readyTimeoutMs);
    const onData = () => {
      // bot/index.ts logs one JSON line when it listens: {"msg":"vks-assistant listening","url":...}
      const m = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"vks-assistant listening"/.exec(log);
      if (m) {
        clearTimeout(timer);
        proc.stdout!.off('data', onData);
        resolve(m[1]);
      }
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`replica ${name} exited with ${code} before listening:\n${log}`));
    });
  }).catch((err) => {
    proc.kill('SIGKILL');
    throw err;
  });

  return {
    name,
    url,
    proc,
    output: () => log,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface ChatReply {
  status: number;
  activities: Record<string, any>[];
  /** Text of the first message activity. */
  text: string;
}

/** One message through POST /api/messages with deliveryMode expectReplies: the replies come back in the body. */
export async function say(replica: Replica, conversationId: string, text: string, extra: Record<string, unknown> = {}): Promise<ChatReply> {
  const res = await fetch(`${replica.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${Math.random().toString(36).slice(2)}`,
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: conversationId },
      from: { id: `user-${conversationId}`, name: 'Cán bộ' },
      recipient: { id: 'vks-bot', name: 'Bot' },
      text,
      deliveryMode: 'expectReplies',
      ...extra,
    }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = res.status === 200 ? ((await res.json()) as { activities?: Record<string, any>[] }) : { activities: [] };
  const activities = body.activities ?? [];
  const message = activities.find((a) => a.type === 'message');
  return { status: res.status, activities, text: message?.text ?? '' };
}
