/** The ingest summary an administrator reads, in the CLI and from the admin endpoint. */
import { pipelineMessages as m } from '../prompts/pipeline.js';
import type { IngestReport } from './pipeline.js';

export function formatReport(r: IngestReport): string {
  const lines: string[] = [];
  lines.push(`${m.summaryTitle}: ${r.ok ? 'OK' : r.error ? 'THẤT BẠI' : 'CÓ LỖI'}`);
  const c = r.counts;
  lines.push(
    `  ${m.statusLabels.added}: ${c.added} | ${m.statusLabels.updated}: ${c.updated} | ${m.statusLabels.unchanged}: ${c.unchanged} | ` +
      `${m.statusLabels.removed}: ${c.removed} | ${m.statusLabels.quarantined}: ${c.quarantined} | ${m.statusLabels.failed}: ${c.failed}`,
  );
  lines.push(
    `  văn bản: ${r.documents} | đoạn (chunks): ${r.chunks} | nhúng mới: ${r.embedded} | dùng lại: ${r.reusedEmbeddings} | ` +
      `${(r.ms / 1000).toFixed(1)} s | ${(r.bytes / 1e6).toFixed(1)} MB`,
  );
  lines.push(`  phiên bản chỉ mục: ${r.versionBefore ?? '(chưa có)'} → ${r.versionAfter ?? '(chưa có)'}`);
  for (const f of r.files) {
    if (f.status === 'quarantined' || f.status === 'failed') {
      lines.push(`  [${m.statusLabels[f.status]}] ${f.file}: ${f.message ?? f.reason ?? ''}${f.reason ? ` (${f.reason})` : ''}`);
    }
  }
  for (const f of r.files) if (f.ocr) lines.push(`  [OCR] ${f.file}: độ tin cậy trung bình ${f.ocr.meanConfidence.toFixed(0)}%${f.ocr.lowConfidencePages.length ? `, trang kém: ${f.ocr.lowConfidencePages.join(', ')}` : ''}`);
  for (const s of r.supersessions) lines.push(`  [thay thế] ${m.superseded(s.older, s.newer)}`);
  if (r.error) lines.push(`  ${m.ingestFailed(r.error)}`);
  return lines.join('\n');
}
