/**
 * Child: the real service (createServer + the embedded default assistant) over
 * a given index, on a free loopback port. Prints its URL, serves until killed.
 * The per-user rate limit is raised: the load test measures the service, not
 * the limiter (the load also varies user and conversation ids).
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { openAssistant } from '../core/runtime.js';
import { createServer } from '../bot/server.js';
import { answerHeapProbes, reportResult, REPO_ROOT } from './lib/child.js';
import { ensureKnowledgeIndex } from './lib/knowledge-index.js';
import { benchConfig } from './lib/bench-config.js';

const { values } = parseArgs({ options: { index: { type: 'string' } } });
const cfg = benchConfig({ RATE_LIMIT_PER_MINUTE: '1000000' });
const indexDir = path.resolve(values.index!);
await ensureKnowledgeIndex(cfg, path.join(REPO_ROOT, 'knowledge'), indexDir);
const assistant = await openAssistant(cfg, { indexDir, chatModel: null });
const service = createServer({ cfg, assistant, storage: new MemoryStorage(), localDirectLine: false });
const { port } = await service.listen(0, '127.0.0.1');
answerHeapProbes();
reportResult({ url: `http://127.0.0.1:${port}`, pid: process.pid, chunks: assistant.health().chunks });
process.once('SIGTERM', () => {
  service.close().finally(() => process.exit(0));
});
