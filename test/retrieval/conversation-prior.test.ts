import { describe, expect, it } from 'vitest';
import { citedDocuments, withConversationPrior } from '../../core/retrieval/conversation-prior.js';
import type { Chunk, Scored, Turn } from '../../core/types.js';

const hit = (docId: string, score: number, id = `${docId}#${score}`): Scored<Chunk> => ({
  item: { id, docId, ord: 0, title: docId, type: 'Luật', text: id },
  score,
});
const turn = (cited: string[]): Turn => ({ question: 'q', standalone: 'q', cited });

describe('the conversation prior', () => {
  const code = hit('luat/bo-luat-to-tung-hinh-su-2015.txt', 1.0);
  const denunciation = hit('luat/luat-to-cao-2018.txt', 0.95);
  const other = hit('luat/luat-khieu-nai-2011.txt', 0.5);

  it('lifts a near tie from the document the last answer cited above the hit before it', () => {
    const out = withConversationPrior([code, denunciation, other], [turn(['luat/luat-to-cao-2018.txt'])]);
    expect(out.map((h) => h.item.docId)).toEqual(['luat/luat-to-cao-2018.txt', 'luat/bo-luat-to-tung-hinh-su-2015.txt', 'luat/luat-khieu-nai-2011.txt']);
  });

  it('moves no clear winner, and reads only the last turn', () => {
    const out = withConversationPrior([code, denunciation, other], [turn(['luat/luat-to-cao-2018.txt']), turn(['luat/luat-khieu-nai-2011.txt'])]);
    expect(out[0]).toBe(code);
    expect(out[1]).toBe(denunciation);
  });

  it('leaves the hits as they are without a cited last turn', () => {
    const hits = [code, denunciation];
    expect(withConversationPrior(hits, [])).toBe(hits);
    expect(withConversationPrior(hits, [turn([])])).toBe(hits);
    expect(withConversationPrior(hits, [{ question: 'q', standalone: 'q' }])).toBe(hits);
  });

  it('lists each cited document once', () => {
    expect(citedDocuments([
      { source: 'a.txt', title: 'A', locator: 'Điều 1' },
      { source: 'a.txt', title: 'A', locator: 'Điều 2' },
      { source: 'b.md', title: 'B' },
    ])).toEqual(['a.txt', 'b.md']);
  });
});
