/** Service entry point: wiring only. */
import { MemoryStorage } from 'botbuilder';
import { pino } from 'pino';
import { loadConfig, loadDotEnv } from '../core/config.js';
import { openAssistant } from '../core/runtime.js';
import { ensureIndex } from '../ingest/ensure.js';
import { ReingestController } from '../ingest/controller.js';
import { ocrForPipeline } from '../ingest/ocr-adapter.js';
import { createServer } from './server.js';
import { ServiceMetrics } from './metrics.js';

loadDotEnv();
const cfg = loadConfig();
const logger = pino({ level: cfg.LOG_LEVEL });

process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

// Build the index first when it is missing or stale; a failed build keeps the last good one.
await ensureIndex(cfg, (msg) => logger.info(msg));
const assistant = await openAssistant(cfg);
const metrics = new ServiceMetrics(() => assistant.health());
const controller = new ReingestController({ cfg, assistant, ocr: ocrForPipeline(), onReport: (r) => metrics.observeIngest(!r.error) });
const service = createServer({ cfg, assistant, storage: new MemoryStorage(), logger, controller, metrics });
const { url } = await service.listen();
logger.info(
  { url, auth: cfg.MicrosoftAppId ? 'bot framework' : 'local development (no app credentials)', health: assistant.health(), admin: !!cfg.ADMIN_TOKEN },
  'vks-assistant listening',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    service.close().finally(() => process.exit(0));
  });
}
