/**
 * Held-out questions written before the answer stage was tuned on the dev set
 * (different wording, some different facts): a guard against fitting the dev set.
 * The bar is looser than the dev set's, since nothing here was ever tuned on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { RuntimeAssistant } from '../../core/runtime.js';
import { askWithHistory, judge, loadDevset, openKnowledgeAssistant } from '../quality/devset.js';

const items = loadDevset(path.resolve(import.meta.dirname, 'heldout.jsonl'));
let assistant: RuntimeAssistant;

beforeAll(async () => {
  assistant = await openKnowledgeAssistant('vks-heldout-');
}, 300_000);

const askItem = (question: string, history?: string[]) => askWithHistory(assistant, question, history);

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

  it('names a numbered law it does not hold though a guide mentions it, and answers from the one it holds', async () => {
    const missing = await assistant.ask('Luật Bảo vệ bí mật nhà nước số 117/2025/QH15 quy định thời hạn bảo vệ độ Tối mật là bao nhiêu năm?');
    expect(missing.abstained).toBe(true);
    expect(missing.text).toContain('117/2025/QH15');
    const held = await assistant.ask('Luật 29/2018/QH14 quy định thời hạn bảo vệ bí mật nhà nước độ Tối mật là bao nhiêu năm?');
    expect(held.abstained).toBe(false);
    expect(held.text).toContain('20 năm');
  }, 60_000);

  it('reads chat shorthand and a word typed a letter wrong as what they stand for', async () => {
    const short = await assistant.ask('tạm giữ tối đa bn ngày');
    expect(short.abstained).toBe(false);
    expect(short.text).toContain('không quá 03 ngày');
    const typo = await assistant.ask('luật an ninh mạg: doanh nghiệp phải xóa thông tin vi phạm trong bao lâu');
    expect(typo.abstained).toBe(false);
    expect(typo.citations.some((c) => /An ninh mạng/.test(c.title))).toBe(true);
  }, 60_000);

  it('cuts a long list item where the question is, keeping its label', async () => {
    // Điều 11 khoản 2 lists who may allow copying a Tối mật document; its điểm đ names the district
    // procuracy's head only at its end, past what the room lets each item show.
    const r = await assistant.ask('Ở VKS huyện thì ai có quyền cho phép sao, chụp tài liệu độ Tối mật ạ?');
    expect(r.citations.some((c) => c.locator?.startsWith('Điều 11, khoản 2'))).toBe(true);
    expect(r.text).toContain('Viện trưởng Viện kiểm sát nhân dân cấp huyện');
    expect(r.text).toMatch(/^đ\) … /m);
  }, 60_000);
});
