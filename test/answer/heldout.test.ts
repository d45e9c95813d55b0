/**
 * Held-out questions written before the answer stage was tuned on the dev set
 * (different wording, some different facts): a guard against fitting the dev set.
 * The bar is looser than the dev set's, since nothing here was ever tuned on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runIngest } from '../../ingest/pipeline.js';
import { embedderProvider } from '../../core/embedders.js';
import { openAssistant, type RuntimeAssistant } from '../../core/runtime.js';
import { testConfig } from '../../core/config.js';
import type { Turn } from '../../core/types.js';
import { tempDir } from '../pipeline/helpers.js';
import { judge, loadDevset } from '../quality/devset.js';

const KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');
const items = loadDevset(path.resolve(import.meta.dirname, 'heldout.jsonl'));
let assistant: RuntimeAssistant;

beforeAll(async () => {
  const indexDir = await tempDir('vks-heldout-');
  const cfg = testConfig({ REFUSAL_AUDIT_FILE: path.join(indexDir, 'refusals.jsonl') });
  const report = await runIngest({ sourceDir: KNOWLEDGE, indexDir, embedder: embedderProvider(cfg) });
  expect(report.error).toBeUndefined();
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

describe('held-out questions (embedded default)', () => {
  it('answers ≥ 75% of answerable held-out questions and abstains on ≥ 75% of out-of-scope ones', async () => {
    const failures: string[] = [];
    let good = 0;
    let abstained = 0;
    const answerable = items.filter((i) => !i.expect.abstain);
    const outOfScope = items.filter((i) => i.expect.abstain);
    for (const item of items) {
      const r = await askItem(item.question, item.history);
      const v = judge(item, r);
      if (v.ok) {
        if (item.expect.abstain) abstained++;
        else good++;
      } else failures.push(`${item.id} ${item.question}\n   missing: ${v.missing.join(' | ')} citation ok: ${v.citationOk}\n   → ${r.text.slice(0, 200).replace(/\n/g, ' ')}`);
    }
    console.log(`held-out: answerable ${good}/${answerable.length}, out-of-scope abstained ${abstained}/${outOfScope.length}`);
    if (failures.length) console.log(failures.join('\n'));
    expect(good / answerable.length).toBeGreaterThanOrEqual(0.75);
    expect(abstained / outOfScope.length).toBeGreaterThanOrEqual(0.75);
  }, 300_000);
});
