/**
 * Questions typed without accents: their function words are guessed from the folded forms
 * alone, so "bao" (bảo vệ), "toi" (tội phạm, Tối mật) and "sao" (sao y) stay content, and an
 * acronym typed in lower case ("bvbmnn") is still read as one.
 */
import { describe, expect, it } from 'vitest';
import { contentTerms, matchTerms } from '../../core/answer/terms.js';
import { termMatch } from '../../core/answer/abstain.js';
import { isFollowUp, rewriteFollowUp } from '../../core/answer/rewrite.js';
import { passageIndex } from '../../core/retrieval/passage-index.js';
import type { Turn } from '../../core/types.js';

const weightOf = (question: string, term: string) => contentTerms(question).find((t) => t.term === term)?.weight ?? 0;

describe('function words of a question typed without accents', () => {
  it('keeps syllables that only an accented question may drop', () => {
    expect(weightOf('thoi han bao ve bi mat do toi mat la bao lau', 'bao')).toBeGreaterThan(0);
    expect(weightOf('thoi han giai quyet tin bao ve toi pham', 'toi')).toBeGreaterThan(0);
    expect(weightOf('lam the nao de sao y van ban', 'sao')).toBeGreaterThan(0);
  });

  it('still drops the accented function words and question phrases', () => {
    expect(weightOf('Kế hoạch có bao nhiêu mục tiêu?', 'bao')).toBe(0);
    expect(weightOf('ke hoach co bao nhieu muc tieu', 'bao')).toBe(0);
    expect(weightOf('Tại sao phải ký số?', 'sao')).toBe(0);
    expect(weightOf('lam sao de ky so van ban', 'sao')).toBe(0);
    expect(weightOf('cho toi hoi thoi han khieu nai', 'toi')).toBe(0);
  });

  it('weighs a folded syllable that may be a function word less than a content one', () => {
    const bao = weightOf('thoi han bao ve bi mat', 'bao');
    expect(bao).toBeLessThan(weightOf('thoi han bao ve bi mat', 'mat'));
    // Written with its accents, "bảo" is plainly content.
    expect(weightOf('thời hạn bảo vệ bí mật', 'bao')).toBe(1);
  });

  it('reads a vowel-less token typed in lower case as an acronym, matched by initials', () => {
    const idx = passageIndex('Luật Bảo vệ bí mật nhà nước quy định thời hạn bảo vệ.');
    const lower = matchTerms('luat bvbmnn quy dinh thoi han');
    expect(lower.find((t) => t.term === 'bvbmnn')?.acronym).toBe('bvbmnn');
    expect(termMatch(lower, idx)).toBe(1);
    expect(termMatch(matchTerms('luat bvte quy dinh thoi han'), idx)).toBeLessThan(1);
    // A syllable with a vowel is a syllable, whatever its case.
    expect(matchTerms('thoi han bao lau').some((t) => t.acronym)).toBe(false);
  });
});

describe('document numbers typed in lower case', () => {
  it('read the type part as its abbreviation, as the capitals would ("390/qd-vkstc": quyết định)', () => {
    const terms = matchTerms('ai cong bo quyet dinh 390/qd-vkstc').map((t) => t.term);
    expect(terms).not.toContain('qd');
    expect(terms.filter((t) => t === 'quyet').length).toBe(2);
    expect(matchTerms('ai cong bo quyet dinh 390/QĐ-VKSTC').map((t) => t.term)).toEqual(terms);
    // Outside a number a lower-case "qd" stays a syllable: it is only expanded in capitals.
    expect(matchTerms('qd cua ai').map((t) => t.term)).toContain('qd');
  });
});

describe('follow-ups typed without accents', () => {
  const turn = (question: string, answer = ''): Turn[] => [{ question, standalone: question, answer }];

  it('completes an elliptical follow-up whose only extra word may be a function word', () => {
    const history = turn('thoi han giai quyet khieu nai lan dau la bao lau?');
    expect(isFollowUp('lan hai thi bao lau?', history)).toBe(true);
    expect(rewriteFollowUp('lan hai thi bao lau?', history)).toMatch(/khieu nai lan hai/);
  });

  it('replaces "nguoi do" with the person the previous answer named', () => {
    const history = turn('ai chu tri phien hop?', 'Phiên họp do đồng chí Trần Thị Hoa, Phó Viện trưởng, chủ trì.');
    expect(rewriteFollowUp('nguoi do giu chuc vu gi?', history)).toBe('Trần Thị Hoa giu chuc vu gi?');
    // "ba do" is also "ba đó" (three of them): not a pointer at a person.
    expect(rewriteFollowUp('ba do la gi?', history)).not.toMatch(/Trần Thị Hoa/);
  });
});
