/** Loading and scoring the labelled dev set (test/devset/devset.jsonl). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fold } from '../../core/text.js';
import type { Assistant, AssistantReply } from '../../core/assistant.js';
import type { Turn } from '../../core/types.js';
import { citedDocuments } from '../../core/retrieval/conversation-prior.js';
import { runIngest } from '../../ingest/pipeline.js';
import { embedderProvider } from '../../core/embedders.js';
import { openAssistant, type RuntimeAssistant } from '../../core/runtime.js';
import { testConfig } from '../../core/config.js';
import { tempDir } from '../pipeline/helpers.js';

export const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../knowledge');

export interface DevItem {
  id: string;
  question: string;
  history?: string[];
  kind: string;
  expect: { sources?: string[]; facts?: string[]; locator?: string; abstain?: boolean };
}

export const DEVSET_FILE = path.resolve(import.meta.dirname, '../devset/devset.jsonl');

export function loadDevset(file = DEVSET_FILE): DevItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevItem);
}

/** Sources in the set are repo paths ("knowledge/luat/x.txt"); citations are relative to the knowledge folder. */
function sameSource(citation: string, expected: string): boolean {
  const norm = (s: string) => s.replace(/^\.?\/?/, '').replace(/^knowledge\//, '');
  return norm(citation) === norm(expected);
}

export interface Verdict {
  ok: boolean;
  factsOk: boolean;
  citationOk: boolean;
  missing: string[];
}

export function judge(item: DevItem, r: AssistantReply): Verdict {
  if (item.expect.abstain) {
    const ok = r.abstained && !r.refused;
    return { ok, factsOk: ok, citationOk: ok, missing: ok ? [] : ['(should abstain)'] };
  }
  const answer = fold(r.text);
  const missing = (item.expect.facts ?? []).filter((f) => !answer.includes(fold(f)));
  const citationOk =
    !r.abstained &&
    !r.refused &&
    r.citations.some(
      (c) =>
        (item.expect.sources ?? []).some((s) => sameSource(c.source, s)) &&
        (!item.expect.locator || fold(c.locator ?? '').includes(fold(item.expect.locator))),
    );
  const factsOk = !r.abstained && !r.refused && missing.length === 0;
  return { ok: factsOk && citationOk, factsOk, citationOk, missing };
}

/** The embedded default over a fresh index of the shipped knowledge/ folder. */
export async function openKnowledgeAssistant(prefix: string): Promise<RuntimeAssistant> {
  const indexDir = await tempDir(prefix);
  const cfg = testConfig({ REFUSAL_AUDIT_FILE: path.join(indexDir, 'refusals.jsonl') });
  const report = await runIngest({ sourceDir: KNOWLEDGE_DIR, indexDir, embedder: embedderProvider(cfg) });
  if (report.error || report.counts.failed) throw new Error(`knowledge/ did not ingest cleanly: ${report.error ?? `${report.counts.failed} failed`}`);
  return openAssistant(cfg, { indexDir, chatModel: null });
}

/** Asks the history questions first, as a conversation would, then the question. */
export async function askWithHistory(assistant: Assistant, question: string, historyQuestions: string[] = []): Promise<AssistantReply> {
  const history: Turn[] = [];
  for (const q of historyQuestions) {
    const r = await assistant.ask(q, { history });
    history.push({ question: q, standalone: r.standalone, answer: r.text, cited: citedDocuments(r.citations) });
  }
  return assistant.ask(question, { history });
}
