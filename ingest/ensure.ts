/**
 * Start-up check shared by `npm start` and `npm run ask`: build the index from
 * the knowledge folder when it is missing or stale. A failed build keeps
 * whatever version was serving.
 */
import path from 'node:path';
import type { Config } from '../core/config.js';
import { embedderProvider } from '../core/embedders.js';
import { isIndexStale, runIngest, type IngestReport } from './pipeline.js';
import { appendIngestAudit } from './audit.js';
import { ocrForPipeline } from './ocr-adapter.js';
import type { IngestLock, VersionPublisher } from './controller.js';

export async function ensureIndex(
  cfg: Config,
  log: (msg: string) => void = (m) => console.error(m),
  shared: { lock?: IngestLock; publish?: VersionPublisher } = {},
): Promise<IngestReport | null> {
  const sourceDir = path.resolve(cfg.KNOWLEDGE_DIR);
  const indexDir = path.resolve(cfg.INDEX_DIR);
  const { stale, reason } = await isIndexStale(sourceDir, indexDir);
  if (!stale) return null;
  // Replicas starting together: one builds, the others serve what is there and follow its published version.
  if (shared.lock && !(await shared.lock.acquire())) {
    log('Một bản sao khác đang nạp dữ liệu; dùng chỉ mục hiện có và chờ phiên bản mới.');
    return null;
  }
  log(`Chỉ mục cần dựng lại (${reason}): đang nạp ${cfg.KNOWLEDGE_DIR} ...`);
  let report: IngestReport;
  try {
    report = await runIngest({ sourceDir, indexDir, embedder: embedderProvider(cfg), ocr: ocrForPipeline() });
    if (!report.error && report.versionAfter) await shared.publish?.(report.versionAfter);
  } finally {
    await shared.lock?.release();
  }
  await appendIngestAudit(cfg.INGEST_AUDIT_FILE, report, { kind: 'startup' }).catch(() => undefined);
  log(
    report.error
      ? `Nạp dữ liệu thất bại (${report.error}); dùng chỉ mục cũ nếu có.`
      : `Đã nạp: ${report.documents} văn bản, ${report.chunks} đoạn, ${report.counts.quarantined} cách ly, ${report.counts.failed} lỗi (${(report.ms / 1000).toFixed(1)} s).`,
  );
  return report;
}
