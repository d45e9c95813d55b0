/** Service entry point: wiring only. */
import { MemoryStorage } from 'botbuilder';
import { pino } from 'pino';
import { loadConfig } from '../core/config.js';
import { openAssistant } from '../core/runtime.js';
import { createServer } from './server.js';

const cfg = loadConfig();
const logger = pino({ level: cfg.LOG_LEVEL });

process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

const assistant = await openAssistant(cfg);
const service = createServer({ cfg, assistant, storage: new MemoryStorage(), logger });
const { url } = await service.listen();
logger.info(
  { url, auth: cfg.MicrosoftAppId ? 'bot framework' : 'local development (no app credentials)', health: assistant.health() },
  'vks-assistant listening',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    service.close().finally(() => process.exit(0));
  });
}
