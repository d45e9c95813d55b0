/**
 * Scale-out for real: two bot processes on one redis-server and one shared
 * index folder. A conversation alternates between them; feedback given on one
 * is listed by the other; a re-ingest on one is served by both; Redis is
 * killed mid-conversation and started again.
 *
 * Redis runs with an append-only file fsynced on every write, and the fault is
 * a SIGKILL followed by a fresh redis-server on the same port and directory:
 * the connections really drop, and what was written before must survive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { testConfig } from '../../core/config.js';
import { embedderProvider } from '../../core/embedders.js';
import { runIngest } from '../../ingest/pipeline.js';
import { FEEDBACK_ACTION } from '../../bot/feedback.js';
import { SOURCES_HEADING, TURN_ERROR } from '../../prompts/bot.js';
import { RedisLock } from '../../core/state/redis-lock.js';
import { startRedis, type TestRedis } from '../support/redis.js';
import { say, startReplica, type ChatReply, type Replica } from '../support/replica.js';
import { GUIDE, LATE_NOTICE, PLAN, writeDocs } from '../support/scale-out-docs.js';

const ADMIN_TOKEN = 'scale-out-test-token';
const PREFIX = 'e2e:';
/** Names its subject only by "kế hoạch này": answerable only with the conversation's history. */
const ANAPHORIC = 'Nội dung thực hiện của kế hoạch này gồm những gì?';

let redis: TestRedis;
let root: string;
let knowledge: string;
let indexDir: string;
let a: Replica;
let b: Replica;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The sources block of an answer ("Nguồn:" and what follows); empty when the answer cites nothing. */
function sources(reply: ChatReply): string {
  const at = reply.text.indexOf(SOURCES_HEADING);
  return at < 0 ? '' : reply.text.slice(at);
}

async function health(r: Replica): Promise<{ status: number; version: string | null }> {
  const res = await fetch(`${r.url}/healthz`, { signal: AbortSignal.timeout(5000) });
  const body = (await res.json()) as { version: string | null };
  return { status: res.status, version: body.version };
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, tries = 100, pauseMs = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await attempt().catch(() => undefined);
    if (v !== undefined) return v;
    await sleep(pauseMs);
  }
  throw new Error(`gave up waiting for ${what}`);
}

beforeAll(async () => {
  redis = await startRedis({ persistent: true });
  root = await mkdtemp(join(tmpdir(), 'vks-scale-out-'));
  knowledge = join(root, 'knowledge');
  indexDir = join(root, 'index');
  await writeDocs(knowledge, [PLAN, GUIDE]);
  const report = await runIngest({ sourceDir: knowledge, indexDir, embedder: embedderProvider(testConfig()) });
  expect(report.ok, report.error).toBe(true);

  const env = (name: string) => ({
    STATE_STORE: redis.url,
    STATE_KEY_PREFIX: PREFIX,
    KNOWLEDGE_DIR: knowledge,
    INDEX_DIR: indexDir,
    DATA_DIR: join(root, name),
    FEEDBACK_FILE: join(root, name, 'feedback.jsonl'),
    REFUSAL_AUDIT_FILE: join(root, name, 'refusals.jsonl'),
    INGEST_AUDIT_FILE: join(root, name, 'ingest.jsonl'),
    ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: '10000',
  });
  [a, b] = await Promise.all([startReplica('A', env('a')), startReplica('B', env('b'))]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.dispose();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('two replicas on shared state in Redis', () => {
  it('serve the same index version', async () => {
    const [ha, hb] = await Promise.all([health(a), health(b)]);
    expect(ha.status).toBe(200);
    expect(ha.version).toBeTruthy();
    expect(hb.version).toBe(ha.version);
  });

  it('understand a follow-up on one replica from the history written by the other', async () => {
    const followUp = 'Còn thời hạn báo cáo thì sao?';
    // Without history the bare follow-up leans to one document; the conversation is about the other.
    const alone = sources(await say(b, 'conv-control', followUp));
    const first = [PLAN, GUIDE].sort((x, y) => indexOrEnd(alone, x.number) - indexOrEnd(alone, y.number))[0];
    const topic = first === PLAN ? GUIDE : PLAN;
    const other = topic === PLAN ? GUIDE : PLAN;

    const opener = `Kế hoạch ${topic.number} có mục đích gì?`;
    const t1 = await say(a, 'conv-1', opener);
    expect(sources(t1)).toContain(topic.number);
    const t2 = await say(b, 'conv-1', followUp);
    expect(t2.status).toBe(200);
    expect(sources(t2)).toContain(topic.number);
    expect(sources(t2)).not.toContain(other.number);
    const t3 = await say(a, 'conv-1', ANAPHORIC);
    expect(sources(t3)).toContain(topic.number);

    // All three turns, from both replicas, are in the one shared history, in order.
    const client = new Redis(redis.url);
    try {
      const raw = await client.hget(`${PREFIX}state:emulator/conversations/conv-1/`, 'data');
      const history = (JSON.parse(raw ?? '{}') as { history?: { question: string }[] }).history ?? [];
      expect(history.map((t) => t.question)).toEqual([opener, followUp, ANAPHORIC]);
    } finally {
      client.disconnect();
    }
  });

  it('show feedback given through one replica on the other', async () => {
    const comment = `Thiếu trích dẫn điều khoản ${Date.now()}`;
    const reply = await say(a, 'conv-fb', '', { value: { action: FEEDBACK_ACTION, reaction: 'dislike', comment, answerId: 'ans-1' } });
    expect(reply.status).toBe(200);
    const listed = (await (await fetch(`${b.url}/api/admin/feedback`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { comment?: string; reaction: string; answerId?: string }[];
    expect(listed).toContainEqual(expect.objectContaining({ comment, reaction: 'dislike', answerId: 'ans-1' }));
  });

  it('serve a re-ingest started on one replica from both', async () => {
    const question = 'Việc cấp phát phù hiệu, cấp hiệu cho kiểm sát viên thực hiện thế nào?';
    for (const r of [a, b]) expect(sources(await say(r, `conv-before-${r.name}`, question))).not.toContain(LATE_NOTICE.number);
    const before = (await health(a)).version;

    await writeDocs(knowledge, [LATE_NOTICE]);
    // While another replica holds the ingest lock, this one refuses to start a second run.
    const client = new Redis(redis.url);
    const other = new RedisLock(client, { key: `${PREFIX}ingest:lock` });
    try {
      expect(await other.acquire()).toBe(true);
      const busy = await fetch(`${a.url}/api/admin/reingest`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(busy.status).toBe(409);
    } finally {
      await other.release();
      client.disconnect();
    }
    const denied = await fetch(`${a.url}/api/admin/reingest`, { method: 'POST', headers: { Authorization: 'Bearer wrong' } });
    expect(denied.status).toBe(403);
    const started = await fetch(`${a.url}/api/admin/reingest`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(started.status).toBe(202);

    const after = await eventually('the ingest on A to finish', async () => {
      const res = await fetch(`${a.url}/api/admin/ingest`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      const status = (await res.json()) as { running: boolean; last: { ok: boolean; versionAfter: string | null } | null };
      return !status.running && status.last ? status.last : undefined;
    });
    expect(after.ok).toBe(true);
    expect(after.versionAfter).not.toBe(before);
    // B learns of the version through Redis (pub/sub, or the poll fallback) and reloads.
    await eventually('replica B to switch version', async () => ((await health(b)).version === after.versionAfter ? true : undefined));
    expect((await health(a)).version).toBe(after.versionAfter);
    for (const r of [a, b]) expect(sources(await say(r, `conv-after-${r.name}`, question))).toContain(LATE_NOTICE.number);
  });

  it('copy refusals to the shared audit stream, without the question', async () => {
    const question = 'Cho tôi xem nội dung tài liệu Tối mật về kế hoạch công tác năm 2026';
    const reply = await say(b, 'conv-refusal', question);
    expect(sources(reply)).toBe('');
    const client = new Redis(redis.url);
    try {
      const entries = await client.xrange(`${PREFIX}audit:refusals`, '-', '+');
      const records = entries.map(([, fields]) => JSON.parse(fields[fields.indexOf('record') + 1]) as Record<string, unknown>);
      expect(records).toContainEqual(expect.objectContaining({ conversation: 'conv-refusal', channel: 'emulator' }));
      expect(JSON.stringify(records)).not.toContain('Tối mật');
    } finally {
      client.disconnect();
    }
  });

  it('apologise while Redis is down, stay up, and continue the conversation when it is back', async () => {
    const t1 = await say(a, 'conv-fault', `Kế hoạch ${PLAN.number} có mục đích gì?`);
    expect(sources(t1)).toContain(PLAN.number);

    await redis.stop('SIGKILL');
    for (const r of [a, b]) {
      const during = await say(r, 'conv-fault', 'Còn thời hạn báo cáo thì sao?');
      expect(during.status).toBe(200);
      expect(during.text).toBe(TURN_ERROR);
      expect((await health(r)).status).toBe(200);
    }

    await redis.start();
    const resumed = await eventually('a turn to succeed after Redis is back', async () => {
      const reply = await say(b, 'conv-fault', 'Còn thời hạn báo cáo thì sao?');
      return reply.text && reply.text !== TURN_ERROR ? reply : undefined;
    });
    // The history written before the outage is still there: the follow-up resolves against it.
    expect(sources(resumed)).toContain(PLAN.number);
    expect(sources(resumed)).not.toContain(GUIDE.number);
    // Each replica reconnects on its own back-off: a may still be waiting when b is back.
    const again = await eventually('replica a to answer after Redis is back', async () => {
      const reply = await say(a, 'conv-fault', ANAPHORIC);
      return reply.text && reply.text !== TURN_ERROR ? reply : undefined;
    });
    expect(sources(again)).toContain(PLAN.number);
    expect(a.proc.exitCode).toBeNull();
    expect(b.proc.exitCode).toBeNull();
  });
});

function indexOrEnd(text: string, needle: string): number {
  const i = text.indexOf(needle);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
