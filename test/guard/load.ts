import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Row {
  text: string;
  intent?: string;
  disguise?: string;
  /** Where a row added for the intent model came from; the hand-curated sets the rules were written against have none. */
  source?: string;
}

export function loadJsonl(name: string): Row[] {
  const path = fileURLToPath(new URL(name, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** The guard's labelled examples (core/guard/examples/): the rules' regression sets and the intent model's training data. */
export function loadExamples(name: 'attacks' | 'benign'): Row[] {
  return loadJsonl(`../../core/guard/examples/${name}.jsonl`);
}

/** The hand-curated rows of an example set: what the rules were written against (rows added for the model name a source). */
export function curated(rows: Row[]): Row[] {
  return rows.filter((r) => !r.source);
}
