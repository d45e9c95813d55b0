/**
 * Child-process entry for an ingest started by the running service: the CPU
 * work (parsing, chunking, embedding, graph building) happens here, so the
 * bot's event loop keeps answering while administrators re-ingest.
 * Speaks over the IPC channel: receives one job, sends progress and the report.
 */
import type { Config } from '../core/config.js';
import { embedderProvider } from '../core/embedders.js';
import { runIngest, type IngestReport, type ProgressEvent } from './pipeline.js';
import { ocrForPipeline } from './ocr-adapter.js';

export interface ChildJob {
  cfg: Config;
  sourceDir: string;
  indexDir: string;
  full?: boolean;
  ocr: boolean;
}

export type ChildMessage = { type: 'progress'; event: ProgressEvent } | { type: 'report'; report: IngestReport };

process.once('message', async (job: ChildJob) => {
  const send = (m: ChildMessage) => new Promise<void>((resolve) => process.send!(m, () => resolve()));
  const report = await runIngest({
    sourceDir: job.sourceDir,
    indexDir: job.indexDir,
    full: job.full,
    embedder: embedderProvider(job.cfg),
    ocr: job.ocr ? ocrForPipeline() : undefined,
    onProgress: (event) => void send({ type: 'progress', event }),
  });
  await send({ type: 'report', report });
  process.exit(0);
});
