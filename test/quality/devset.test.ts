/**
 * The embedded default (no LLM) on the labelled dev set, over the shipped
 * knowledge/ folder: at least 90% of answerable questions carry their facts
 * with a correct citation, and every out-of-scope question abstains.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline.js';
import { embedderProvider } from '../../core/embedders.js';
import { openAssistant, type RuntimeAssistant } from '../../core/runtime.js';
import { testConfig } from '../../core/config.js';
import type { Turn } from '../../core/types.js';
import { tempDir } from '../pipeline/helpers.js';
import { judge, loadDevset } from './devset.js';

const KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');
const items = loadDevset();
let assistant: RuntimeAssistant;

beforeAll(async () => {
  const indexDir = await tempDir('vks-devset-');
  const cfg = testConfig({ REFUSAL_AUDIT_FILE: path.join(indexDir, 'refusals.jsonl') });
  const report = await runIngest({ sourceDir: KNOWLEDGE, indexDir, embedder: embedderProvider(cfg) });
  expect(report.error).toBeUndefined();
  expect(report.counts.failed).toBe(0);
  assistant = await openAssistant(cfg, { indexDir, chatModel: null });
}, 300_000);

async function askItem(question: string, historyQuestions: string[] = []) {
  const history: Turn[] = [];
  for (const q of historyQuestions) {
    const r = await assistant.ask(q, { history });
    history.push({ question: q, standalone: r.standalone, answer: r.text });
  }
  return assistant.ask(question, { history });
}

describe('dev set (embedded default)', () => {
  it('has the size and mix the issue asks for', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items.filter((i) => i.expect.abstain).length).toBeGreaterThanOrEqual(10);
    expect(items.some((i) => i.history?.length)).toBe(true);
  });

  it('answers ≥ 90% of answerable questions with their facts and a correct citation, abstains on all out-of-scope ones', async () => {
    const answerable = items.filter((i) => !i.expect.abstain);
    const outOfScope = items.filter((i) => i.expect.abstain);
    const failures: string[] = [];
    let good = 0;
    for (const item of answerable) {
      const r = await askItem(item.question, item.history);
      const v = judge(item, r);
      if (v.ok) good++;
      else failures.push(`${item.id} [${item.kind}] ${item.question}\n   facts missing: ${v.missing.join(' | ')} citation ok: ${v.citationOk}\n   → ${r.text.slice(0, 200).replace(/\n/g, ' ')}`);
    }
    let abstained = 0;
    for (const item of outOfScope) {
      const r = await askItem(item.question, item.history);
      if (judge(item, r).ok) abstained++;
      else failures.push(`${item.id} [out of scope] ${item.question}\n   → ${r.text.slice(0, 160).replace(/\n/g, ' ')}`);
    }
    const share = good / answerable.length;
    console.log(`dev set: answerable ${good}/${answerable.length} (${(share * 100).toFixed(1)}%), out-of-scope abstained ${abstained}/${outOfScope.length}`);
    if (failures.length) console.log(failures.join('\n'));
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(abstained).toBe(outOfScope.length);
  }, 300_000);
});
