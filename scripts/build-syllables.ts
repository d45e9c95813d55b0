/**
 * Builds core/answer/syllables.txt: the accented Vietnamese syllables written at least twice in
 * the public legal texts of ../shared/corpus (laws, the Bộ pháp điển pages, the benchmark article
 * corpora; never their questions) and in knowledge/. The answer side reads it to tell a tone typo
 * ("xữ lý", "văn bẳn") from a real word the knowledge base does not write (see falseFriend), and
 * to correct a word typed with a letter wrong ("an ninh mạg").
 *
 *   npx tsx scripts/build-syllables.ts [../shared/corpus]
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'corpus'));
const MIN_COUNT = 2;
const VIETNAMESE = /^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]+$/;

const counts = new Map<string, number>();
function read(text: string): void {
  for (const m of text.normalize('NFC').toLowerCase().matchAll(/\p{L}+/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
}
function walk(dir: string, keep: (file: string) => boolean): void {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, keep);
    else if (keep(p)) read(readFileSync(p, 'utf8'));
  }
}
walk(path.join(corpus, 'laws'), (f) => /\.(txt|md)$/.test(f));
walk(path.join(corpus, 'phapdien'), (f) => /\.(txt|md)$/.test(f));
walk(path.join(corpus, 'bench'), (f) => path.basename(f) === 'corpus.jsonl');
walk(path.join(root, 'knowledge'), (f) => /\.(txt|md)$/.test(f));

// "syllable<TAB>count", by syllable: the count ranks corrections of a mistyped word (core/answer/spelling.ts).
const syllables = [...counts].filter(([w, n]) => n >= MIN_COUNT && VIETNAMESE.test(w)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const out = path.join(root, 'core', 'answer', 'syllables.txt');
writeFileSync(out, `${syllables.map(([w, n]) => `${w}\t${n}`).join('\n')}\n`);
console.log(`${syllables.length} syllables → ${path.relative(root, out)}`);
