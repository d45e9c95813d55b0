/** Shared pieces for the server-level tests: a fake channel and a started bot server. */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Assistant } from '../../core/assistant.js';
import { testConfig } from '../../core/config.js';
import { FakeAssistant } from '../bot/fake-assistant.js';
import { createServer, type BotServer, type CreateServerOptions } from '../../bot/server.js';

export interface RecordedPost {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, any>;
}

/** A Bot Framework channel stand-in: records what the bot posts to /v3/conversations/... */
export async function startFakeChannel(): Promise<{ url: string; posts: RecordedPost[]; close(): Promise<void> }> {
  const posts: RecordedPost[] = [];
  let n = 0;
  const server: HttpServer = createHttpServer((req, res) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !match) {
        res.statusCode = 404;
        res.end();
        return;
      }
      posts.push({
        conversationId: decodeURIComponent(match[1]),
        replyToId: match[2] && decodeURIComponent(match[2]),
        activity: JSON.parse(body),
      });
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ id: `sent-${++n}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/`,
    posts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function startBotServer(
  assistant: Assistant,
  env: Record<string, string> = {},
  extra: Partial<CreateServerOptions> = {},
): Promise<{ service: BotServer; url: string; feedbackFile: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'vks-bot-'));
  const feedbackFile = join(dir, 'feedback.jsonl');
  const cfg = testConfig({ FEEDBACK_FILE: feedbackFile, LOG_LEVEL: 'silent', ...env });
  const service = createServer({ cfg, assistant, logger: pino({ level: 'silent' }), ...extra });
  const { url } = await service.listen(0, '127.0.0.1');
  return { service, url, feedbackFile };
}

/**
 * The assistant the server tests run on: the real pipeline over the shipped
 * knowledge/ folder (indexed once per test file into a temp folder) by
 * default; the fake with E2E_ASSISTANT=fake, for quick iterations on the bot.
 */
export async function e2eAssistant(): Promise<{ assistant: Assistant; fake: boolean }> {
  if (process.env.E2E_ASSISTANT === 'fake') return { assistant: new FakeAssistant(), fake: true };
  const { openAssistant } = await import('../../core/runtime.js');
  const { runIngest } = await import('../../ingest/pipeline.js');
  const { embedderProvider } = await import('../../core/embedders.js');
  const dir = await mkdtemp(join(tmpdir(), 'vks-e2e-index-'));
  const cfg = testConfig({ INDEX_DIR: join(dir, 'index'), REFUSAL_AUDIT_FILE: join(dir, 'refusals.jsonl') });
  const report = await runIngest({ sourceDir: KNOWLEDGE_DIR, indexDir: cfg.INDEX_DIR, embedder: embedderProvider(cfg) });
  if (report.error) throw new Error(`could not index knowledge/: ${report.error}`);
  return { assistant: await openAssistant(cfg, { chatModel: null }), fake: false };
}

export const KNOWLEDGE_DIR = join(import.meta.dirname, '../../knowledge');
