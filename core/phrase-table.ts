/**
 * Fixed phrases (folded syllable arrays) looked up by their first syllable: which of them a run
 * of syllables writes at a position. A syllable is compared with the few phrases it can start,
 * not with every phrase (the thesaurus and the function phrases are read at every position of
 * every question and heading).
 */
export class PhraseTable<T extends { phrase: readonly string[] }> {
  private readonly byFirst = new Map<string, T[]>();

  /** Entries in the order they are to be found at a position. */
  constructor(entries: Iterable<T>) {
    for (const e of entries) {
      const list = this.byFirst.get(e.phrase[0]);
      if (list) list.push(e);
      else this.byFirst.set(e.phrase[0], [e]);
    }
  }

  /** Each entry whose phrase `folded` writes from position `i`, in the table's order. */
  forEachAt(folded: readonly string[], i: number, visit: (entry: T) => void): void {
    const list = this.byFirst.get(folded[i]);
    if (!list) return;
    for (const e of list) if (writesAt(folded, i, e.phrase)) visit(e);
  }
}

function writesAt(folded: readonly string[], i: number, phrase: readonly string[]): boolean {
  if (i + phrase.length > folded.length) return false;
  for (let j = 1; j < phrase.length; j++) if (folded[i + j] !== phrase[j]) return false;
  return true;
}
