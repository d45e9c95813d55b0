/**
 * The embedded default (no LLM) on the labelled dev set, over the shipped
 * knowledge/ folder: answerable questions must carry their facts with a
 * correct citation, and every out-of-scope question must abstain.
 *
 * The product target is 90% of answerable questions (issue: answering). The
 * measured figure on 2026-11-23 is 88/92 = 95.7% (81/92 before the field
 * thesaurus), so the floor is now the target itself; the test prints the figure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeAssistant } from '../../core/runtime.js';
import { askWithHistory, judge, loadDevset, openKnowledgeAssistant } from './devset.js';
import { fold } from '../../core/text.js';

const items = loadDevset();
const TARGET = 0.9;
const FLOOR = 0.9;
let assistant: RuntimeAssistant;

beforeAll(async () => {
  assistant = await openKnowledgeAssistant('vks-devset-');
}, 300_000);

/**
 * Asks every dev-set item, its question and history written by `spell` (as is, or without
 * accents): answerable items judged on facts and citation, out-of-scope ones on abstaining.
 */
async function runDevset(spell: (text: string) => string) {
  const answerable = items.filter((i) => !i.expect.abstain);
  const outOfScope = items.filter((i) => i.expect.abstain);
  const failures: string[] = [];
  let good = 0;
  let abstained = 0;
  for (const item of [...answerable, ...outOfScope]) {
    const question = spell(item.question);
    const r = await askWithHistory(assistant, question, item.history?.map(spell));
    const v = judge(item, r);
    if (v.ok) {
      if (item.expect.abstain) abstained++;
      else good++;
    } else if (item.expect.abstain) {
      failures.push(`${item.id} [out of scope] ${question}\n   → ${r.text.slice(0, 160).replace(/\n/g, ' ')}`);
    } else {
      failures.push(`${item.id} [${item.kind}] ${question}\n   facts missing: ${v.missing.join(' | ')} citation ok: ${v.citationOk}\n   → ${r.text.slice(0, 200).replace(/\n/g, ' ')}`);
    }
  }
  if (failures.length) console.log(failures.join('\n'));
  return { good, answerable: answerable.length, abstained, outOfScope: outOfScope.length };
}

describe('dev set (embedded default)', () => {
  it('has the size and mix the issue asks for', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items.filter((i) => i.expect.abstain).length).toBeGreaterThanOrEqual(10);
    expect(items.some((i) => i.history?.length)).toBe(true);
  });

  it('answers answerable questions with their facts and a correct citation (floor and target 90%), abstains on all out-of-scope ones', async () => {
    const r = await runDevset((t) => t);
    const share = r.good / r.answerable;
    console.log(
      `dev set: answerable ${r.good}/${r.answerable} (${(share * 100).toFixed(1)}%, target ${TARGET * 100}%), out-of-scope abstained ${r.abstained}/${r.outOfScope}`,
    );
    expect(share).toBeGreaterThanOrEqual(FLOOR);
    expect(r.abstained).toBe(r.outOfScope);
  }, 300_000);

  it('answers the same questions typed without accents, and abstains on most out-of-scope ones', async () => {
    // Users type "ke hoach 221" too. Measured 2026-11-23: 88/92 answerable, as with accents (83/92 while an
    // unaccented "bao", "toi" or "sao" was dropped as a function word), 13/16 out of scope: without accents a
    // look-alike cannot be told apart ("thue": thuê or thuế). The floors are one question below those figures.
    const r = await runDevset(fold);
    console.log(`dev set without accents: answerable ${r.good}/${r.answerable}, out-of-scope abstained ${r.abstained}/${r.outOfScope}`);
    expect(r.good / r.answerable).toBeGreaterThanOrEqual(0.94);
    expect(r.abstained / r.outOfScope).toBeGreaterThanOrEqual(0.75);
  }, 300_000);
});
