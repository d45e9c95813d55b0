/**
 * "Khi nào …" of an act asks in which case it happens (core/answer/terms.ts asksCondition): a
 * law answers with "khi …", "trường hợp …", "nếu …", not with the date or time limit nearby.
 * Of what happens at a point in time ("có hiệu lực khi nào") it still asks a date.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import { asksCondition, questionKinds } from '../../core/answer/terms.js';
import { fold } from '../../core/text.js';
import type { Chunk, Scored } from '../../core/types.js';

const law = (file: string) => readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'knowledge', 'luat', file), 'utf8');
const code = law('bo-luat-to-tung-hinh-su-2015.txt');

/** One article of a law, as the chunker's article split gives it. */
function article(n: number, text = code, title = 'Bộ luật Tố tụng hình sự'): Scored<Chunk> {
  const start = text.indexOf(`\nĐiều ${n}. `) + 1;
  const body = text.slice(start, text.indexOf(`\nĐiều ${n + 1}. `, start)).trim();
  const heading = body.split('\n')[0];
  return { item: { id: `${title}#${n}`, docId: title, text: body, heading, article: String(n), locator: `Điều ${n}`, ord: n, title, type: 'Luật' }, score: 1 };
}

describe('asksCondition', () => {
  it.each(['Khi nào người bị tạm giữ được trả tự do?', 'khi nao phai dong dau giap lai', 'Viện kiểm sát trả hồ sơ khi nào?'])('reads "%s" as asking a case', (q) => {
    expect(asksCondition(fold(q))).toBe(true);
    expect(questionKinds(q).has('time')).toBe(false);
  });
  it.each(['Luật Tố cáo có hiệu lực khi nào?', 'Kế hoạch 221 được ban hành khi nào?', 'Hệ thống có từ khi nào?', 'Khi nào hết thời hạn tạm giữ, tạm giữ bao lâu?'])(
    'reads "%s" as asking a time',
    (q) => {
      expect(asksCondition(fold(q))).toBe(false);
      expect(questionKinds(q).has('time')).toBe(true);
    },
  );
});

describe('a "khi nào" question about an act', () => {
  it('quotes the khoản saying in which case it happens, not the time limit', () => {
    const r = composeExtractive('Khi nào người bị tạm giữ được trả tự do?', [article(118)], { skipAbstention: true });
    expect(r.text).toContain('nếu không đủ căn cứ khởi tố bị can');
    expect(r.text).not.toContain('Thời hạn tạm giữ không quá 03 ngày');
  });
  it('quotes the list of cases, not the khoản on what follows one', () => {
    const refusals = article(28, law('luat-tiep-can-thong-tin-2016.txt'), 'Luật Tiếp cận thông tin');
    const r = composeExtractive('Khi nào cơ quan được từ chối cung cấp thông tin?', [refusals], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('từ chối cung cấp thông tin trong các trường hợp sau đây');
  });
  it('still quotes the time limit when the question asks how long', () => {
    const r = composeExtractive('Thời hạn tạm giữ là bao lâu?', [article(118)], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('không quá 03 ngày');
  });
});

describe('a case the question tells', () => {
  it('quotes the piece opening with that case ("Trường hợp Viện kiểm sát quyết định không phê chuẩn … thì")', () => {
    const q = 'Nếu Viện kiểm sát không phê chuẩn thì người bị giữ được xử lý thế nào?';
    const r = composeExtractive(q, [article(110)], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('phải trả tự do ngay cho người bị giữ');
  });
});

describe('a case and its opposite', () => {
  it('ranks the piece telling the same case first, not the one telling its opposite ("vắng mặt" for "có mặt")', () => {
    const text = 'Điều 9. Sự có mặt của người bào chữa\n1. Trường hợp người bào chữa vắng mặt thì Hội đồng xét xử phải hoãn phiên tòa.\n2. Trường hợp người bào chữa có mặt thì Hội đồng xét xử tiến hành xét xử theo thủ tục chung.';
    const hit: Scored<Chunk> = { item: { id: 'x#9', docId: 'x', text, heading: text.split('\n')[0], article: '9', locator: 'Điều 9', ord: 9, title: 'Bộ luật mẫu', type: 'Luật' }, score: 1 };
    const present = composeExtractive('Nếu người bào chữa có mặt thì Hội đồng xét xử làm gì?', [hit], { skipAbstention: true, maxUnits: 1 });
    expect(present.text).toContain('tiến hành xét xử theo thủ tục chung');
    const absent = composeExtractive('Nếu người bào chữa vắng mặt thì Hội đồng xét xử làm gì?', [hit], { skipAbstention: true, maxUnits: 1 });
    expect(absent.text).toContain('phải hoãn phiên tòa');
  });
});
