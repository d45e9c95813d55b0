/**
 * One bot replica for the scale-out tests, wired the way bot/index.ts is meant
 * to be once shared state lands there: shared state first (its audit sink goes
 * into the assistant's refusal audit), then the assistant, then the server on
 * the shared storage and feedback, then the re-ingest controller with the
 * cross-replica lock and the version publisher.
 *
 * Test-only extra: GET /test/feedback lists this replica's FeedbackStore, so a
 * test can see feedback given through another replica without reading Redis itself.
 */
import { pino } from 'pino';
import type { Request, Response, Server } from 'restify';
import { loadConfig } from '../../core/config.js';
import { openAssistant } from '../../core/runtime.js';
import { RefusalAudit } from '../../core/refusal-audit.js';
import { openSharedState } from '../../core/state/index.js';
import { createServer } from '../../bot/server.js';
import { registerAdminRoutes } from '../../bot/admin.js';
import { ReingestController } from '../../ingest/controller.js';

const cfg = loadConfig();
const logger = pino({ level: cfg.LOG_LEVEL });
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

const shared = await openSharedState(cfg, { logger, versionPollMs: 1000 });
const audit = new RefusalAudit({ file: cfg.REFUSAL_AUDIT_FILE, salt: cfg.AUDIT_SALT, sink: shared.auditSink });
const assistant = await openAssistant(cfg, { audit });
await shared.followVersions(assistant);

const service = createServer({ cfg, assistant, storage: shared.storage, feedback: shared.feedback, logger });
const controller = new ReingestController({ cfg, assistant, lock: shared.lock, publish: shared.publish });
const routes = Object.values(service.server.router.getRoutes()) as { method?: string; path?: string; spec?: { method?: string; path?: string } }[];
const adminWired = routes.some((r) => (r.spec?.path ?? r.path) === '/api/admin/reingest');
if (!adminWired) registerAdminRoutes(asyncHandlers(service.server), { cfg, controller });

service.server.get('/test/feedback', async (_req: Request, res: Response) => {
  res.send(200, await service.feedback.list());
});

const { url } = await service.listen(cfg.PORT, '127.0.0.1');
logger.warn({ url, version: assistant.health().version, adminWired }, 'replica listening');
// The parent test waits for this line.
process.stdout.write(`READY ${url}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    service
      .close()
      .then(() => shared.close())
      .finally(() => process.exit(0));
  });
}

/**
 * restify 11 rejects a two-argument handler that is not an async function, and
 * bot/admin.ts registers GET /api/admin/ingest that way: wrap every handler in
 * an async one until that file is fixed.
 */
function asyncHandlers(server: Server): Server {
  return new Proxy(server, {
    get(target, prop, receiver) {
      if (prop !== 'get' && prop !== 'post') return Reflect.get(target, prop, receiver);
      return (path: string, handler: (req: Request, res: Response) => unknown) =>
        target[prop](path, async (req: Request, res: Response) => {
          await handler(req, res);
        });
    },
  });
}
