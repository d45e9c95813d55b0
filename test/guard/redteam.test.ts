import { describe, expect, it } from 'vitest';
import { checkInput } from '../../core/guard/index.js';
import { loadJsonl } from './load.js';

const attacks = loadJsonl('redteam.jsonl');
const benign = loadJsonl('benign.jsonl');

describe('red-team set', () => {
  it('is big and varied enough to mean something', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(100);
    expect(benign.length).toBeGreaterThanOrEqual(70);
    const intents = new Set(attacks.map((a) => a.intent));
    for (const k of ['content', 'existence', 'laundering', 'encoding', 'injection', 'authority']) expect(intents).toContain(k);
  });

  it('refuses every attack', () => {
    const missed = attacks.filter((a) => checkInput(a.text).allowed).map((a) => a.text);
    expect(missed).toEqual([]);
  });

  it('refuses no benign question', () => {
    const refused = benign.filter((b) => !checkInput(b.text).allowed).map((b) => b.text);
    expect(refused).toEqual([]);
  });

  it('names injections and role changes as such, whatever else they mention', () => {
    for (const a of attacks.filter((x) => x.intent === 'injection')) {
      const v = checkInput(a.text);
      expect(v.allowed ? 'allowed' : v.category, a.text).toMatch(/injection|authority-claim|encoding-trick/);
    }
  });
});
