/**
 * Disguises applied at random must not change the verdict: attacks stay refused,
 * benign questions stay allowed. Fixed seed so CI is reproducible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../core/guard/index.js';
import { fold } from '../../core/text.js';
import { curated, loadExamples } from './load.js';

const SEED = 20240615;
const RUNS = 300;
// Payload disguises are exact byte strings: perturbing them makes a different (harmless) string.
const PAYLOADS = new Set(['base64', 'reversed', 'rot13', 'hex']);
// The hand-curated sets: their disguises are what this varies.
const attacks = curated(loadExamples('attacks')).filter((a) => !PAYLOADS.has(a.disguise ?? ''));
const benign = curated(loadExamples('benign'));

/** The words an attacker would disguise: the classification words. */
const KEY = /^(mật|tối|tuyệt|bí|classified|secret|secrets|confidential|top|state|ignore|instructions)$/iu;
const SEPARATORS = [' ', '.', '-', '_', '*', '\u200b', '\u00ad', ' . ', '/'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const LOOKALIKE: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', A: 'А', E: 'Е', O: 'О', T: 'Т', M: 'М' };

interface Plan {
  foldAccents: boolean;
  caseMode: 0 | 1 | 2 | 3;
  sep: number;
  sepRate: number;
  invisibleRate: number;
  lookalikeRate: number;
  seed: number;
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 0x100000000;
}

function disguise(text: string, p: Plan, keyWordsOnly: boolean): string {
  const rand = rng(p.seed);
  let t = p.foldAccents ? fold(text) : text;
  if (p.caseMode === 1) t = t.toUpperCase();
  if (p.caseMode === 2) t = t.toLowerCase();
  if (p.caseMode === 3) t = Array.from(t).map((c) => (rand() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');
  const words = t.split(/(\s+)/);
  return words
    .map((w) => {
      if (!keyWordsOnly || !KEY.test(w.replace(/[^\p{L}]/gu, ''))) {
        return Array.from(w).map((c) => (rand() < p.invisibleRate ? c + INVISIBLE[Math.floor(rand() * INVISIBLE.length)] : c)).join('');
      }
      const letters = Array.from(w.normalize('NFC'));
      return letters
        .map((c, i) => {
          let out = rand() < p.lookalikeRate ? LOOKALIKE[c] ?? c : c;
          if (i < letters.length - 1 && rand() < p.sepRate) out += SEPARATORS[p.sep];
          if (rand() < p.invisibleRate) out += INVISIBLE[Math.floor(rand() * INVISIBLE.length)];
          return out;
        })
        .join('');
    })
    .join('');
}

const plan = fc.record({
  foldAccents: fc.boolean(),
  caseMode: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  sep: fc.nat(SEPARATORS.length - 1),
  sepRate: fc.double({ min: 0, max: 1, noNaN: true }),
  invisibleRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
  lookalikeRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

describe('guard under random disguises', () => {
  it('still refuses every attack', () => {
    fc.assert(
      fc.property(fc.nat(attacks.length - 1), plan, (i, p) => {
        const text = disguise(attacks[i].text, p, true);
        expect(checkInput(text).allowed, `${attacks[i].text} → ${JSON.stringify(text)}`).toBe(false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('still allows benign questions with accents dropped, case changed, invisible characters and look-alikes', () => {
    fc.assert(
      fc.property(fc.nat(benign.length - 1), plan, (i, p) => {
        const text = disguise(benign[i].text, { ...p, sepRate: 0 }, false);
        expect(checkInput(text).allowed, `${benign[i].text} → ${JSON.stringify(text)}`).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
