/** Runs an ingest in a child process (ingest/child.ts) and returns its report. */
import { fork } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildJob, ChildMessage } from './child.js';
import type { IngestReport, ProgressEvent } from './pipeline.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** tsx's ESM loader, resolved from this package whatever the working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export function runIngestInChild(job: ChildJob, onProgress?: (e: ProgressEvent) => void): Promise<IngestReport> {
  return new Promise((resolve, reject) => {
    // The child runs TypeScript through the same loader as the service (resolved from here, whatever the cwd).
    const child = fork(path.join(HERE, 'child.ts'), [], { execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let report: IngestReport | null = null;
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'progress') onProgress?.(m.event);
      else report = m.report;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (report) resolve(report);
      else reject(new Error(`ingest process ended without a report (code ${code ?? '-'}, signal ${signal ?? '-'})`));
    });
    child.send(job);
  });
}
