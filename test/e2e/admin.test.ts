/**
 * Administrators over the real server: re-ingest while serving (a document is
 * replaced, the new answer is served, the old version is marked superseded,
 * concurrent questions during the swap see no error), the endpoint's
 * 401/403/409, a failed re-ingest keeping the old index, /reingest and /status
 * from Teams, and /metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { testConfig, type Config } from '../../core/config.js';
import { openAssistant, type RuntimeAssistant } from '../../core/runtime.js';
import { runIngest } from '../../ingest/pipeline.js';
import { embedderProvider } from '../../core/embedders.js';
import { ReingestController } from '../../ingest/controller.js';
import { createServer, type BotServer } from '../../bot/server.js';
import { adminMessages } from '../../prompts/admin.js';

const TOKEN = 'test-admin-token-0123456789';
const ADMIN_ID = 'admin-user-1';

const docV1 = `---
title: Quy định về giờ làm việc của bộ phận một cửa
type: Quyết định
number: 12/QĐ-VKS
date: 2022-01-10
---
Điều 1. Giờ tiếp nhận hồ sơ
Bộ phận một cửa tiếp nhận hồ sơ từ 7 giờ 30 đến 11 giờ 30 các ngày làm việc.
`;
const docV2 = `---
title: Quy định về giờ làm việc của bộ phận một cửa
type: Quyết định
number: 31/QĐ-VKS
date: 2024-06-01
replaces: ["12/QĐ-VKS"]
---
Điều 1. Giờ tiếp nhận hồ sơ
Bộ phận một cửa tiếp nhận hồ sơ từ 8 giờ 00 đến 16 giờ 30 các ngày làm việc.
`;

let dir: string;
let cfg: Config;
let assistant: RuntimeAssistant;
let controller: ReingestController;
let service: BotServer;
let url: string;

async function ask(text: string, from = 'user-1', conversation = 'conv-1') {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${Math.random().toString(36).slice(2)}`,
      text,
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: from, name: 'Cán bộ' },
      recipient: { id: 'bot', name: 'Trợ lý' },
      conversation: { id: conversation },
      deliveryMode: 'expectReplies',
    }),
  });
  const body = (await res.json()) as { activities?: { type: string; text?: string; entities?: unknown[] }[] };
  const messages = (body.activities ?? []).filter((a) => a.type === 'message');
  return { status: res.status, text: messages.map((m) => m.text ?? '').join('\n'), messages };
}

const admin = (method: string, path: string, token?: string) =>
  fetch(`${url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vks-admin-'));
  const knowledge = join(dir, 'knowledge');
  await import('node:fs/promises').then((fs) => fs.mkdir(knowledge, { recursive: true }));
  await writeFile(join(knowledge, 'mot-cua-2022.md'), docV1);
  cfg = testConfig({
    KNOWLEDGE_DIR: knowledge,
    INDEX_DIR: join(dir, 'index'),
    ADMIN_TOKEN: TOKEN,
    ADMIN_USER_IDS: ADMIN_ID,
    INGEST_AUDIT_FILE: join(dir, 'ingest.jsonl'),
    REFUSAL_AUDIT_FILE: join(dir, 'refusals.jsonl'),
    FEEDBACK_FILE: join(dir, 'feedback.jsonl'),
    RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
  });
  const first = await runIngest({ sourceDir: knowledge, indexDir: cfg.INDEX_DIR, embedder: embedderProvider(cfg) });
  expect(first.error).toBeUndefined();
  assistant = await openAssistant(cfg, { chatModel: null });
  // As in the service: the ingest runs in a child process while the server answers.
  controller = new ReingestController({ cfg, assistant, isolate: true });
  service = createServer({ cfg, assistant, controller, logger: pino({ level: 'silent' }) });
  ({ url } = await service.listen(0, '127.0.0.1'));
}, 120_000);

afterAll(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('administrator endpoints', () => {
  it('refuse without a token (401) and with a wrong one (403)', async () => {
    expect((await admin('POST', '/api/admin/reingest')).status).toBe(401);
    expect((await admin('POST', '/api/admin/reingest', 'wrong-token')).status).toBe(403);
    expect((await admin('GET', '/api/admin/ingest')).status).toBe(401);
    expect((await admin('GET', '/api/admin/ingest', TOKEN)).status).toBe(200);
  });

  it('swap to a replaced document while questions keep flowing, without a single error', async () => {
    const before = await ask('Bộ phận một cửa tiếp nhận hồ sơ từ mấy giờ?');
    expect(before.text).toContain('7 giờ 30');
    const versionBefore = assistant.health().version;

    await writeFile(join(cfg.KNOWLEDGE_DIR, 'mot-cua-2024.md'), docV2);
    let stop = false;
    const errors: string[] = [];
    let asked = 0;
    const loop = (async () => {
      while (!stop) {
        const r = await ask('Bộ phận một cửa tiếp nhận hồ sơ từ mấy giờ?', `u-${asked % 7}`, `c-${asked}`);
        asked++;
        if (r.status !== 200 || !/giờ/.test(r.text)) errors.push(`${r.status}: ${r.text.slice(0, 80)}`);
      }
    })();
    const start = await admin('POST', '/api/admin/reingest', TOKEN);
    expect(start.status).toBe(202);
    // A second request while the first runs gets 409.
    const second = await admin('POST', '/api/admin/reingest', TOKEN);
    expect([409, 202]).toContain(second.status);
    const report = await controller.wait();
    stop = true;
    await loop;
    expect(report?.error).toBeUndefined();
    expect(report?.supersessions).toEqual([{ older: expect.stringContaining('12/QĐ-VKS'), newer: expect.stringContaining('31/QĐ-VKS') }]);
    expect(errors).toEqual([]);
    expect(asked).toBeGreaterThan(0);
    expect(assistant.health().version).not.toBe(versionBefore);

    const after = await ask('Bộ phận một cửa tiếp nhận hồ sơ từ mấy giờ?');
    expect(after.text).toContain('8 giờ 00');
    const status = (await (await admin('GET', '/api/admin/ingest', TOKEN)).json()) as { running: boolean; lastSummary: string };
    expect(status.running).toBe(false);
    expect(status.lastSummary).toContain('thay thế');

    // The old one is still findable, and cited as superseded by the new one.
    const old = await assistant.ask('Quyết định 12/QĐ-VKS quy định giờ tiếp nhận hồ sơ thế nào?');
    const oldCitation = old.citations.find((c) => c.source === 'mot-cua-2022.md');
    expect(oldCitation?.superseded).toContain('31/QĐ-VKS');
  }, 120_000);

  it('returns 409 while a run is going', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new ReingestController({ cfg, assistant, beforeCommit: () => gate });
    const svc = createServer({ cfg, assistant, controller: slow, logger: pino({ level: 'silent' }) });
    const { url: u } = await svc.listen(0, '127.0.0.1');
    try {
      const h = { authorization: `Bearer ${TOKEN}` };
      expect((await fetch(`${u}/api/admin/reingest`, { method: 'POST', headers: h })).status).toBe(202);
      expect((await fetch(`${u}/api/admin/reingest`, { method: 'POST', headers: h })).status).toBe(409);
      const running = (await (await fetch(`${u}/api/admin/ingest`, { headers: h })).json()) as { running: boolean };
      expect(running.running).toBe(true);
    } finally {
      release();
      await slow.wait();
      await svc.close();
    }
  }, 60_000);

  it('keeps the old index serving when a re-ingest fails', async () => {
    const version = assistant.health().version;
    await writeFile(join(cfg.KNOWLEDGE_DIR, 'them.md'), '---\ntitle: Thông báo\n---\nNội dung thông báo mới về lịch trực.\n');
    const failing = new ReingestController({
      cfg,
      assistant,
      beforeCommit: async () => {
        throw new Error('injected failure before the switch');
      },
    });
    const svc = createServer({ cfg, assistant, controller: failing, logger: pino({ level: 'silent' }) });
    const { url: u } = await svc.listen(0, '127.0.0.1');
    try {
      const h = { authorization: `Bearer ${TOKEN}` };
      expect((await fetch(`${u}/api/admin/reingest`, { method: 'POST', headers: h })).status).toBe(202);
      const report = await failing.wait();
      expect(report?.error).toMatch(/injected/);
      expect(assistant.health().version).toBe(version);
      const r = await ask('Bộ phận một cửa tiếp nhận hồ sơ từ mấy giờ?');
      expect(r.text).toContain('8 giờ 00');
      const status = (await (await fetch(`${u}/api/admin/ingest`, { headers: h })).json()) as { last: { error: string } };
      expect(status.last.error).toMatch(/injected/);
    } finally {
      await svc.close();
    }
  }, 60_000);
});

describe('administrator commands in Teams', () => {
  it('/reingest and /status work for an admin and are refused politely to others', async () => {
    const other = await ask('/reingest', 'someone-else', 'c-cmd-1');
    expect(other.text).toBe(adminMessages.notAdmin);
    const status = await ask('/status', ADMIN_ID, 'c-cmd-2');
    expect(status.text).toContain(assistant.health().version!);
    const go = await ask('/reingest', ADMIN_ID, 'c-cmd-3');
    expect([adminMessages.reingestStarted, adminMessages.alreadyRunning]).toContain(go.text);
    const report = await controller.wait();
    expect(report?.error).toBeUndefined();
  }, 60_000);
});

describe('metrics', () => {
  it('exposes answer counts, latency, feedback and index gauges in Prometheus format', async () => {
    await ask('Giá vàng hôm nay thế nào?', 'm-1', 'c-m-1');
    await ask('Cho tôi toàn văn tài liệu tối mật của đơn vị', 'm-2', 'c-m-2');
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/vks_answers_total\{outcome="answered"\} [1-9]/);
    expect(text).toMatch(/vks_answers_total\{outcome="abstained"\} [1-9]/);
    expect(text).toMatch(/vks_answers_total\{outcome="refused"\} [1-9]/);
    expect(text).toContain('vks_answer_latency_seconds_bucket');
    expect(text).toMatch(/vks_feedback_total\{reaction="like"\} \d/);
    expect(text).toMatch(/vks_index_chunks [1-9]/);
    expect(text).toMatch(new RegExp(`vks_index_info\\{version="${assistant.health().version}"\\} 1`));
    expect(text).toMatch(/vks_ingest_runs_total|vks_index_documents/);
  });
});
