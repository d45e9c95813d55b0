/**
 * The HTTP service: Bot Framework endpoint, health, the web chat page and (in
 * local development) a Direct Line 3.0 the page talks to. Everything it needs
 * is passed in, so tests run the same server on a fake or the real assistant.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import { MemoryStorage, type Storage } from 'botbuilder';
import { pino, type Logger } from 'pino';
import type { Config } from '../core/config.js';
import type { Assistant } from '../core/assistant.js';
import { checkActivity } from './activity-validation.js';
import { createAdapter, hasAppCredentials, type VksAdapter } from './adapter.js';
import { AssistantBot } from './assistant-bot.js';
import { LeanConversationState } from './conversation-state.js';
import { LocalDirectLine } from './directline/local.js';
import { mountLocalDirectLine, mountTokenEndpoint } from './directline/routes.js';
import { localTokenSource, remoteTokenSource, type TokenSource } from './directline/token.js';
import { JsonlFeedbackStore, type FeedbackStore } from './feedback.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import { APP_SCRIPT_PATH, assetLoader, renderPage, webchatBundlePath } from './webchat/page.js';
import { BOT_NAME } from '../prompts/bot.js';
import { adminMessages } from '../prompts/admin.js';
import type { AdminCommands } from './assistant-bot.js';
import { registerAdminRoutes } from './admin.js';
import { ServiceMetrics } from './metrics.js';
import type { ReingestController } from '../ingest/controller.js';

/** Bot Framework activities are small; anything bigger is a mistake or an attack. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface CreateServerOptions {
  cfg: Config;
  assistant: Assistant;
  storage?: Storage;
  feedback?: FeedbackStore;
  logger?: Logger;
  rateLimiter?: RateLimiter;
  /**
   * Serve the local Direct Line. Default: on in local development (no app
   * credentials, no DIRECTLINE_SECRET), off otherwise.
   */
  localDirectLine?: boolean;
  /** Used to exchange DIRECTLINE_SECRET for a token (injected in tests). */
  fetch?: typeof fetch;
  /** Background re-ingest: enables /api/admin/* (with ADMIN_TOKEN) and the /reingest, /status commands. */
  controller?: ReingestController;
  metrics?: ServiceMetrics;
}

export interface BotServer {
  server: Server;
  adapter: VksAdapter;
  bot: AssistantBot;
  directLine?: LocalDirectLine;
  feedback: FeedbackStore;
  metrics: ServiceMetrics;
  /** Listen on cfg.PORT / host (or the given ones); resolves with the bound address. */
  listen(port?: number, host?: string): Promise<{ host: string; port: number; url: string }>;
  close(): Promise<void>;
}

/** Without app credentials nothing authenticates callers: stay on loopback unless told otherwise. */
export function listenHost(cfg: Pick<Config, 'HOST' | 'MicrosoftAppId'>): string {
  return cfg.HOST ?? (cfg.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
}

export function createServer(options: CreateServerOptions): BotServer {
  const { cfg, assistant } = options;
  const logger = options.logger ?? pino({ level: cfg.LOG_LEVEL });
  const storage = options.storage ?? new MemoryStorage();
  const feedback = options.feedback ?? new JsonlFeedbackStore(cfg.FEEDBACK_FILE);
  const startedAt = Date.now();

  const metrics = options.metrics ?? new ServiceMetrics(() => assistant.health());
  const controller = options.controller;
  const admin: AdminCommands | undefined = controller && {
    isAdmin: (userId) => !!userId && cfg.ADMIN_USER_IDS.includes(userId),
    async reingest(userId) {
      const { started } = await controller.start({ kind: 'teams', who: userId });
      return started ? adminMessages.reingestStarted : adminMessages.alreadyRunning;
    },
    status() {
      const s = controller.status();
      return adminMessages.status({ ...assistant.health(), running: s.running, last: s.lastSummary });
    },
  };

  const adapter = createAdapter(cfg, logger);
  const bot = new AssistantBot({
    admin,
    metrics,
    assistant,
    conversationState: new LeanConversationState(storage),
    feedback,
    rateLimiter: options.rateLimiter ?? createRateLimiter({ perMinute: cfg.RATE_LIMIT_PER_MINUTE }),
    maxMessageChars: cfg.MAX_MESSAGE_CHARS,
    allowedTenantIds: cfg.ALLOWED_TENANT_IDS,
    auditSalt: cfg.AUDIT_SALT,
    logger,
  });

  const server = restify.createServer({ name: 'vks-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));
  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const level = (err.statusCode ?? 500) >= 500 ? 'error' : 'warn';
    logger[level]({ err, method: req.method, url: req.url }, 'request failed');
    callback();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const check = checkActivity(req.body);
    if (!check.ok) {
      res.send(400, { error: 'BadRequest', message: check.reason });
      return;
    }
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (err) {
      // The adapter answers auth failures itself; anything that escapes is ours.
      logger.error({ err }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: 'InternalError' });
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', ...assistant.health(), uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });

  server.get('/metrics', async (_req: Request, res: Response) => {
    const { contentType, body } = await metrics.render();
    res.setHeader('Content-Type', contentType);
    res.sendRaw(200, body);
  });
  if (controller) registerAdminRoutes(server, { cfg, controller, feedback });

  const page = renderPage();
  server.get('/', async (_req: Request, res: Response) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.sendRaw(200, page);
  });
  const asset = assetLoader();
  const serveScript = (path: string) => async (_req: Request, res: Response) => {
    res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.sendRaw(200, await asset(path));
  };
  server.get('/webchat/webchat.js', serveScript(webchatBundlePath()));
  server.get('/webchat/app.js', serveScript(APP_SCRIPT_PATH));

  const localMode = !hasAppCredentials(cfg);
  const wantLocalDirectLine = options.localDirectLine ?? (localMode && !cfg.DIRECTLINE_SECRET);
  let directLine: LocalDirectLine | undefined;
  let tokens: TokenSource | undefined;
  if (cfg.DIRECTLINE_SECRET) {
    tokens = remoteTokenSource({ secret: cfg.DIRECTLINE_SECRET, fetch: options.fetch });
  }
  if (wantLocalDirectLine) {
    directLine = new LocalDirectLine({
      botId: cfg.MicrosoftAppId ?? 'vks-assistant',
      botName: BOT_NAME,
      deliver: async (activity, onReplies) => {
        await adapter.processTrusted(activity, async (context) => {
          context.onSendActivities(async (_ctx, activities, next) => {
            onReplies(activities);
            return next();
          });
          await bot.run(context);
        });
      },
      onError: (err) => logger.error({ err }, 'local direct line turn failed'),
    });
    mountLocalDirectLine(server, directLine, { open: localMode });
    tokens ??= localTokenSource(directLine);
  }
  mountTokenEndpoint(server, tokens, logger);

  return {
    server,
    adapter,
    bot,
    directLine,
    feedback,
    metrics,
    listen(port = cfg.PORT, host = listenHost(cfg)) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
          resolve({ host: address.address, port: address.port, url });
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await directLine?.idle();
    },
  };
}
