import { describe, expect, it } from 'vitest';
import { checkInput, checkRules } from '../../core/guard/index.js';
import { curated, loadExamples } from './load.js';

const attacks = loadExamples('attacks');
const benign = loadExamples('benign');

describe('red-team set', () => {
  it('is big and varied enough to mean something', () => {
    expect(curated(attacks).length).toBeGreaterThanOrEqual(100);
    expect(curated(benign).length).toBeGreaterThanOrEqual(70);
    const intents = new Set(attacks.map((a) => a.intent));
    for (const k of ['content', 'existence', 'laundering', 'encoding', 'injection', 'authority']) expect(intents).toContain(k);
  });

  it('the rules alone refuse every hand-curated attack', () => {
    const missed = curated(attacks).filter((a) => checkRules(a.text).verdict.allowed).map((a) => a.text);
    expect(missed).toEqual([]);
  });

  it('the rules alone refuse no hand-curated benign question', () => {
    const refused = curated(benign).filter((b) => !checkRules(b.text).verdict.allowed).map((b) => b.text);
    expect(refused).toEqual([]);
  });

  it('with the intent model, refuses no hand-curated benign question', () => {
    const refused = curated(benign).filter((b) => !checkInput(b.text).allowed).map((b) => b.text);
    expect(refused).toEqual([]);
  });

  it('names injections and role changes as such, whatever else they mention', () => {
    for (const a of attacks.filter((x) => x.intent === 'injection')) {
      const v = checkInput(a.text);
      expect(v.allowed ? 'allowed' : v.category, a.text).toMatch(/injection|authority-claim|encoding-trick/);
    }
  });
});
