import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Row {
  text: string;
  intent?: string;
  disguise?: string;
}

export function loadJsonl(name: string): Row[] {
  const path = fileURLToPath(new URL(name, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}
