/**
 * npm run ingest -- [--source DIR] [--index DIR] [--full]
 *
 * Builds or incrementally updates the index from a folder of documents and
 * prints the summary. Exit code 1 when any file failed (good files are still in),
 * 2 when the run itself failed (the previous index keeps serving).
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import cliProgress from 'cli-progress';
import { loadConfig, loadDotEnv } from '../core/config.js';
import { embedderProvider } from '../core/embedders.js';
import { runIngest, type ProgressEvent } from './pipeline.js';
import { formatReport } from './report.js';
import { appendIngestAudit } from './audit.js';
import { ocrForPipeline } from './ocr-adapter.js';

function progressReporter(): (e: ProgressEvent) => void {
  if (!process.stderr.isTTY) {
    let lastPct = -1;
    return (e) => {
      if (e.phase === 'scan') console.error(`Đang quét: ${e.total} tệp`);
      if (e.phase === 'file') {
        const pct = Math.floor((e.done / e.total) * 10) * 10;
        if (e.status === 'failed' || e.status === 'quarantined') console.error(`  ${e.status}: ${e.file}`);
        if (pct !== lastPct) {
          lastPct = pct;
          console.error(`  tệp ${e.done}/${e.total} (${pct}%)`);
        }
      }
      if (e.phase === 'embed' && e.done === e.total) console.error(`  đã nhúng ${e.total} đoạn mới`);
      if (e.phase === 'index') console.error(`  đang dựng chỉ mục: ${e.chunks} đoạn`);
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: ' {phase} [{bar}] {value}/{total} {detail}', hideCursor: true, clearOnComplete: false, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return (e) => {
    if (e.phase === 'scan') {
      bar.start(e.total, 0, { phase: 'tệp  ', detail: '' });
      started = true;
    } else if (e.phase === 'file') bar.update(e.done, { detail: e.file.slice(-40) });
    else if (e.phase === 'embed') {
      bar.setTotal(Math.max(e.total, 1));
      bar.update(e.done, { phase: 'nhúng', detail: '' });
    } else if (e.phase === 'index') bar.update({ phase: 'chỉ mục', detail: `${e.chunks} đoạn` });
    else if (e.phase === 'done' && started) bar.stop();
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string' },
      index: { type: 'string' },
      full: { type: 'boolean', default: false },
      'no-ocr': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  loadDotEnv();
  const cfg = loadConfig();
  const sourceDir = values.source ?? cfg.KNOWLEDGE_DIR;
  const indexDir = values.index ?? cfg.INDEX_DIR;
  const report = await runIngest({
    sourceDir,
    indexDir,
    full: values.full,
    embedder: embedderProvider(cfg),
    ocr: values['no-ocr'] ? undefined : ocrForPipeline(),
    onProgress: progressReporter(),
  });
  await appendIngestAudit(cfg.INGEST_AUDIT_FILE, report, { kind: 'cli', who: os.userInfo().username }).catch((e) =>
    console.error(`(không ghi được nhật ký nạp dữ liệu: ${e instanceof Error ? e.message : e})`),
  );
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (report.error) return 2;
  return report.counts.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
