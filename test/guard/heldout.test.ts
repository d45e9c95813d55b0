/**
 * Held-out set, written after the rules were frozen (commit a0ede45). First run,
 * before any tuning on it: 19/20 attacks refused, 14/15 benign allowed
 * ("chế độ tuyệt mật" was not read as material; "có cho phép ... không" was not read
 * as a rule question). Both were fixed as general rules, so from here on this set
 * guards against regressions, not generalisation; write a fresh one to measure that again.
 */
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../core/guard/index.js';
import { loadJsonl } from './load.js';

describe('held-out set', () => {
  it('refuses every held-out attack', () => {
    const missed = loadJsonl('heldout-redteam.jsonl').filter((a) => checkInput(a.text).allowed).map((a) => a.text);
    expect(missed).toEqual([]);
  });

  it('allows every held-out benign question', () => {
    const refused = loadJsonl('heldout-benign.jsonl').filter((b) => !checkInput(b.text).allowed).map((b) => b.text);
    expect(refused).toEqual([]);
  });
});
