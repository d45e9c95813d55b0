/** Service entry point: wiring only. */
import { pino } from 'pino';
import { loadConfig, loadDotEnv } from '../core/config.js';
import { openAssistant } from '../core/runtime.js';
import { warmGuard } from '../core/guard/index.js';
import { RefusalAudit } from '../core/refusal-audit.js';
import { openSharedState } from '../core/state/index.js';
import { ensureIndex } from '../ingest/ensure.js';
import { ReingestController } from '../ingest/controller.js';
import { ocrForPipeline } from '../ingest/ocr-adapter.js';
import { createServer } from './server.js';
import { ServiceMetrics } from './metrics.js';

loadDotEnv();
const cfg = loadConfig();
const logger = pino({ level: cfg.LOG_LEVEL });

process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

// Shared state first (in-memory by default, Redis with STATE_STORE): the refusal audit writes to it.
const shared = await openSharedState(cfg, { logger });
// Build the index when it is missing or stale; a failed build keeps the last good one.
await ensureIndex(cfg, (msg) => logger.info(msg), { lock: shared.lock, publish: shared.publish });
const audit = new RefusalAudit({ file: cfg.REFUSAL_AUDIT_FILE, salt: cfg.AUDIT_SALT, sink: shared.auditSink });
const assistant = await openAssistant(cfg, { audit });
// The guard learns its intent model on first use (about half a second): before the first user's message.
warmGuard();
await shared.followVersions(assistant);

const metrics = new ServiceMetrics(() => assistant.health());
const controller = new ReingestController({
  cfg,
  assistant,
  ocr: ocrForPipeline(),
  // Re-ingests run in a child process: the service keeps answering meanwhile.
  isolate: true,
  lock: shared.lock,
  publish: shared.publish,
  onReport: (r) => metrics.observeIngest(!r.error),
});
const service = createServer({ cfg, assistant, storage: shared.storage, feedback: shared.feedback, logger, controller, metrics });
const { url } = await service.listen();
logger.info(
  {
    url,
    auth: cfg.MicrosoftAppId ? 'bot framework' : 'local development (no app credentials)',
    state: shared.mode,
    health: assistant.health(),
    admin: !!cfg.ADMIN_TOKEN,
  },
  'vks-assistant listening',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    service
      .close()
      .then(() => shared.close())
      .finally(() => process.exit(0));
  });
}
