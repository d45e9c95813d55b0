import { describe, expect, it } from 'vitest';
import { findSynonyms } from '../../core/retrieval/thesaurus.js';
import { DEFAULT_QUERY_WEIGHTS, analyzeQuery } from '../../core/retrieval/analyze.js';

const words = (s: string) => s.split(' ');

describe('field thesaurus', () => {
  it('finds an everyday phrase and offers the words legal texts use for it', () => {
    const [m] = findSynonyms(words('ho co phai tra tien khong'));
    expect(m.phrase).toEqual(['tra', 'tien']);
    expect(m.start).toBe(3);
    expect(m.alternatives).toContainEqual(['chi', 'phi']);
    expect(m.alternatives).not.toContainEqual(['tra', 'tien']);
  });

  it('matches whole phrases only: a syllable of one is not the phrase', () => {
    expect(findSynonyms(words('tien do thuc hien ke hoach'))).toEqual([]);
    expect(findSynonyms(words('tra loi cau hoi'))).toEqual([]);
  });

  it('adds the alternatives to a query at a reduced weight, outside the coverage it expects', () => {
    const q = analyzeQuery('Có phải trả tiền không?');
    const weight = (t: string) => q.terms.find((x) => x.term === t)?.weight ?? 0;
    expect(weight('chi_phi')).toBeCloseTo(DEFAULT_QUERY_WEIGHTS.bigram * DEFAULT_QUERY_WEIGHTS.synonym);
    expect(weight('tra_tien')).toBeCloseTo(DEFAULT_QUERY_WEIGHTS.bigram);
    expect(q.content).not.toContain('chi');
    const off = analyzeQuery('Có phải trả tiền không?', {}, { ...DEFAULT_QUERY_WEIGHTS, synonym: 0 });
    expect(off.terms.map((t) => t.term)).not.toContain('chi_phi');
  });
});
