/**
 * Re-ingest while serving: one background run at a time; on success the
 * running assistant switches to the new version (in-flight questions finish
 * on the old one); on failure the old version keeps serving.
 */
import type { Config } from '../core/config.js';
import { embedderProvider } from '../core/embedders.js';
import type { RuntimeAssistant } from '../core/runtime.js';
import { appendIngestAudit, type IngestTrigger } from './audit.js';
import { runIngest, type IngestReport, type OcrFn, type ProgressEvent } from './pipeline.js';
import { formatReport } from './report.js';
import type { EmbedderProvider } from './index-version.js';
import path from 'node:path';
import { runIngestInChild } from './isolated.js';

export interface IngestStatus {
  running: boolean;
  startedAt: string | null;
  trigger: IngestTrigger | null;
  progress: ProgressEvent | null;
  last: IngestReport | null;
  lastSummary: string | null;
}

/** Serialises ingests across replicas (a lock in the shared store); in-process by default. */
export interface IngestLock {
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

/** Tells other replicas a new version is current (pub/sub in the shared store); no-op by default. */
export type VersionPublisher = (version: string) => Promise<void>;

export interface ControllerOptions {
  cfg: Config;
  assistant: RuntimeAssistant;
  embedder?: EmbedderProvider;
  ocr?: OcrFn;
  lock?: IngestLock;
  publish?: VersionPublisher;
  /**
   * Run the ingest in a child process so the service's event loop keeps answering
   * (the default for the service). In-process runs are for tests that inject faults.
   */
  isolate?: boolean;
  /** Called with every finished run's report (metrics, notifications). */
  onReport?: (report: IngestReport) => void;
  /** Test seam, passed to the pipeline. */
  beforeCommit?: (version: string) => Promise<void>;
}

export class ReingestController {
  private current: Promise<IngestReport> | null = null;
  private state: IngestStatus = { running: false, startedAt: null, trigger: null, progress: null, last: null, lastSummary: null };

  constructor(private readonly opts: ControllerOptions) {}

  get running(): boolean {
    return this.current !== null;
  }

  status(): IngestStatus {
    return { ...this.state };
  }

  /** Starts a run unless one is going (here or, with a shared lock, on another replica). */
  async start(trigger: IngestTrigger): Promise<{ started: boolean }> {
    if (this.current) return { started: false };
    const lock = this.opts.lock;
    let announce: (started: boolean) => void = () => undefined;
    const started = new Promise<boolean>((resolve) => (announce = resolve));
    // Set synchronously, so two requests in the same tick cannot both start.
    this.current = (async () => {
      if (lock && !(await lock.acquire())) {
        announce(false);
        return this.state.last;
      }
      announce(true);
      this.state = { ...this.state, running: true, startedAt: new Date().toISOString(), trigger, progress: null };
      try {
        return await this.run(trigger);
      } finally {
        if (lock) await lock.release().catch(() => undefined);
        this.state.running = false;
      }
    })().finally(() => {
      this.current = null;
    }) as Promise<IngestReport>;
    return { started: await started };
  }

  /** Resolves when the running ingest (if any) ends. */
  async wait(): Promise<IngestReport | null> {
    if (!this.current) return this.state.last;
    return this.current;
  }

  private async run(trigger: IngestTrigger): Promise<IngestReport> {
    const { cfg } = this.opts;
    const sourceDir = path.resolve(cfg.KNOWLEDGE_DIR);
    const indexDir = path.resolve(cfg.INDEX_DIR);
    const onProgress = (p: ProgressEvent) => (this.state.progress = p);
    const report = this.opts.isolate
      ? await runIngestInChild({ cfg, sourceDir, indexDir, ocr: !!this.opts.ocr }, onProgress).catch((err) => failedReport(err))
      : await runIngest({
          sourceDir,
          indexDir,
          embedder: this.opts.embedder ?? embedderProvider(cfg),
          ocr: this.opts.ocr,
          beforeCommit: this.opts.beforeCommit,
          onProgress,
        });
    if (!report.error && report.versionAfter !== report.versionBefore) {
      try {
        await this.opts.assistant.reload();
        if (report.versionAfter) await this.opts.publish?.(report.versionAfter);
      } catch (err) {
        report.ok = false;
        report.error = `reload failed: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    await appendIngestAudit(cfg.INGEST_AUDIT_FILE, report, trigger).catch(() => undefined);
    this.state.last = report;
    this.state.lastSummary = formatReport(report);
    this.opts.onReport?.(report);
    return report;
  }
}

/** A report for a run that could not even report (the child process died). */
function failedReport(err: unknown): IngestReport {
  const now = new Date().toISOString();
  return {
    ok: false,
    versionBefore: null,
    versionAfter: null,
    startedAt: now,
    finishedAt: now,
    ms: 0,
    bytes: 0,
    files: [],
    counts: { added: 0, updated: 0, unchanged: 0, removed: 0, quarantined: 0, failed: 0 },
    chunks: 0,
    documents: 0,
    embedded: 0,
    reusedEmbeddings: 0,
    supersessions: [],
    error: err instanceof Error ? err.message : String(err),
  };
}
