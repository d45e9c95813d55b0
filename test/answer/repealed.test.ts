import { describe, expect, it } from 'vitest';
import { isRepealedOnly, withoutRepealed } from '../../core/answer/repealed.js';
import type { Chunk } from '../../core/types.js';

const chunk = (article: string, heading: string, body: string): Chunk => ({
  id: `kn#${article}`, docId: 'luat/kn.txt', ord: Number(article), title: 'Luật Khiếu nại', type: 'Luật', article, locator: `Điều ${article}`, heading, text: `${heading}\n${body}`,
});
const repealed = chunk('62', 'Điều 62. Trách nhiệm của cán bộ tiếp công dân', '(Điều này đã bị bãi bỏ bởi Điều 35 Luật số 42/2013/QH13 có hiệu lực thi hành kể từ ngày 01/07/2014)');
const inForce = chunk('14', 'Điều 14. Trách nhiệm của người tiếp công dân', '1. Người tiếp công dân phải bảo đảm trang phục chỉnh tề.');
const mentions = chunk('35', 'Điều 35. Hiệu lực thi hành', 'Chương V của Luật Khiếu nại bị bãi bỏ kể từ ngày Luật này có hiệu lực.');

describe('repealed articles', () => {
  it('are told by a body that is nothing but the repeal note', () => {
    expect(isRepealedOnly(repealed)).toBe(true);
    expect(isRepealedOnly(inForce)).toBe(false);
    // An article that repeals others is in force itself.
    expect(isRepealedOnly(mentions)).toBe(false);
  });

  it('are told also when they open a chapter, its number and title above them', () => {
    const opening = { ...repealed, text: `Chương VI\nTIẾP CÔNG DÂN\n${repealed.text}` };
    expect(isRepealedOnly(opening)).toBe(true);
  });

  it('are left out of the hits, unless the question names the article or asks about force', () => {
    const hits = [repealed, inForce, mentions].map((item, i) => ({ item, score: 1 - i / 10 }));
    expect(withoutRepealed(hits, 'Cán bộ tiếp công dân có trách nhiệm gì?').map((h) => h.item.article)).toEqual(['14', '35']);
    expect(withoutRepealed(hits, 'Điều 62 Luật Khiếu nại quy định gì?').map((h) => h.item.article)).toEqual(['62', '14', '35']);
    expect(withoutRepealed(hits, 'Quy định về trách nhiệm cán bộ tiếp công dân trong Luật Khiếu nại còn hiệu lực không?')).toHaveLength(3);
  });
});
