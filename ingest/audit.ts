/** Every ingest run, as one JSON line: who, when, what changed, versions before and after. */
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { IngestReport } from './pipeline.js';

export interface IngestTrigger {
  kind: 'cli' | 'admin-endpoint' | 'teams' | 'startup';
  /** CLI user name, admin token holder, or the Teams user id. */
  who?: string;
}

export function auditRecord(report: IngestReport, trigger: IngestTrigger) {
  const pick = (s: string) => report.files.filter((f) => f.status === s).map((f) => (f.reason ? { file: f.file, reason: f.reason } : f.file));
  return {
    time: report.finishedAt,
    trigger: trigger.kind,
    who: trigger.who ?? null,
    ok: report.ok,
    error: report.error ?? null,
    versionBefore: report.versionBefore,
    versionAfter: report.versionAfter,
    added: pick('added'),
    updated: pick('updated'),
    removed: pick('removed'),
    quarantined: pick('quarantined'),
    failed: pick('failed'),
    unchanged: report.counts.unchanged,
    chunks: report.chunks,
    ms: report.ms,
  };
}

export async function appendIngestAudit(file: string, report: IngestReport, trigger: IngestTrigger): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, JSON.stringify(auditRecord(report, trigger)) + '\n');
}
