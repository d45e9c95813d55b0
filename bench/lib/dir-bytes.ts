import path from 'node:path';
import { readdir, stat } from 'node:fs/promises';

/** Bytes on disk of one index version (what "index size" means to an operator). */
export async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? await dirBytes(p) : (await stat(p)).size;
  }
  return total;
}
