/**
 * The dev set is only useful if its labels are true: every expected fact must be
 * written in every source it names (and inside the named article when a locator is
 * given), otherwise a correct answer would be scored wrong. This checks the data,
 * not the assistant.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../core/text.js';

interface DevItem {
  id: string;
  question: string;
  history?: string[];
  expect: { sources?: string[]; facts?: string[]; locator?: string; abstain?: boolean };
  kind: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const KINDS = ['accented', 'unaccented', 'paraphrase', 'abbreviation', 'docnumber', 'followup', 'howto', 'law', 'outofscope'];

const items: DevItem[] = readFileSync(path.join(ROOT, 'test/devset/devset.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as DevItem);

/** Whitespace-insensitive folded form, so line breaks in the source don't hide a fact. */
const norm = (s: string) => fold(s).replace(/\s+/g, ' ');

const cache = new Map<string, string>();
function read(rel: string): string {
  if (!cache.has(rel)) cache.set(rel, readFileSync(path.join(ROOT, rel), 'utf8'));
  return cache.get(rel)!;
}

/** The text of "Điều N." up to the next article heading, or undefined if absent. */
function articleText(text: string, locator: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${locator}.`));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1).findIndex((l) => /^Điều \d+\./.test(l));
  return lines.slice(start, rest < 0 ? undefined : start + 1 + rest).join('\n');
}

describe('dev set', () => {
  it('is large enough and covers every kind, with enough out-of-scope questions', () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    for (const k of KINDS) expect(items.some((i) => i.kind === k), k).toBe(true);
    expect(items.filter((i) => i.kind === 'outofscope').length).toBeGreaterThanOrEqual(14);
  });

  it('has unique ids and known kinds, and NFC text', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const i of items) {
      expect(KINDS, i.id).toContain(i.kind);
      expect(i.question, i.id).toBe(i.question.normalize('NFC'));
    }
  });

  it('labels out-of-scope questions as abstentions without sources', () => {
    for (const i of items.filter((x) => x.kind === 'outofscope')) {
      expect(i.expect, i.id).toEqual({ abstain: true });
    }
  });

  it('gives follow-ups a history', () => {
    for (const i of items.filter((x) => x.kind === 'followup')) expect(i.history?.length, i.id).toBeGreaterThan(0);
  });

  it('only names sources that exist and contain every expected fact', () => {
    for (const i of items.filter((x) => !x.expect.abstain)) {
      const { sources = [], facts = [] } = i.expect;
      expect(sources.length, i.id).toBeGreaterThan(0);
      expect(facts.length, i.id).toBeGreaterThan(0);
      for (const src of sources) {
        expect(existsSync(path.join(ROOT, src)), `${i.id} ${src}`).toBe(true);
        const text = norm(read(src));
        for (const f of facts) expect(text.includes(norm(f)), `${i.id}: "${f}" in ${src}`).toBe(true);
      }
    }
  });

  it('puts the facts inside the named article of each law source', () => {
    for (const i of items.filter((x) => x.expect.locator)) {
      const laws = (i.expect.sources ?? []).filter((s) => s.endsWith('.txt'));
      expect(laws.length, i.id).toBeGreaterThan(0);
      for (const src of laws) {
        const body = articleText(read(src), i.expect.locator!);
        expect(body, `${i.id}: ${i.expect.locator} in ${src}`).toBeDefined();
        for (const f of i.expect.facts ?? []) expect(norm(body!).includes(norm(f)), `${i.id}: "${f}" in ${i.expect.locator}`).toBe(true);
      }
    }
  });
});
