/** Fixed phrases found at a position of a run of syllables, by their first syllable. */
import { describe, expect, it } from 'vitest';
import { PhraseTable } from '../../core/phrase-table.js';

const entry = (p: string, tag: string) => ({ phrase: p.split(' '), tag });
const table = new PhraseTable([entry('thoi han', 'a'), entry('thoi han khieu nai', 'b'), entry('khieu nai', 'c'), entry('thoi', 'd'), entry('thoi han', 'e')]);
const found = (text: string, i: number) => {
  const out: string[] = [];
  table.forEachAt(text.split(' '), i, (e) => out.push(e.tag));
  return out;
};

describe('PhraseTable', () => {
  it('finds every phrase written from the position, in the order given, repeats included', () => {
    expect(found('thoi han khieu nai lan dau', 0)).toEqual(['a', 'b', 'd', 'e']);
    expect(found('thoi han khieu nai lan dau', 2)).toEqual(['c']);
  });

  it('finds no phrase running past the end, or starting elsewhere', () => {
    expect(found('thoi han khieu', 0)).toEqual(['a', 'd', 'e']);
    expect(found('khieu', 0)).toEqual([]);
    expect(found('han thoi', 0)).toEqual([]);
    expect(found('ve thoi han', 1)).toEqual(['a', 'd', 'e']);
  });
});
