/**
 * The guard's red-team and benign message sets: its labelled examples under core/guard/examples/
 * and the held-out sets under test/guard/. Their exact layout belongs to the guard's owner; this
 * reads any .jsonl/.json/.txt file whose name says which set it is (red-team/attack/adversarial vs
 * benign) and takes the message from the usual field names.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './child.js';

export interface GuardSets {
  /** The guard's labelled examples (core/guard/examples/): its rules' regression sets and its model's training data. */
  redTeam: string[];
  benign: string[];
  /** Sets kept out of training (test/guard/heldout-*): what the guard does on messages it never learned from. */
  heldOutRedTeam: string[];
  heldOutBenign: string[];
  files: string[];
}

const FIELDS = ['text', 'message', 'question', 'input', 'prompt', 'q'];

function messageOf(x: unknown): string | null {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object') {
    for (const f of FIELDS) {
      const v = (x as Record<string, unknown>)[f];
      if (typeof v === 'string' && v.trim()) return v;
    }
  }
  return null;
}

function readMessages(file: string): string[] {
  const raw = readFileSync(file, 'utf8');
  let items: unknown[];
  if (file.endsWith('.jsonl')) items = raw.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  else if (file.endsWith('.json')) {
    const j = JSON.parse(raw);
    items = Array.isArray(j) ? j : Object.values(j).flat();
  } else items = raw.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return items.map(messageOf).filter((m): m is string => !!m);
}

/** Files of a folder (and below) split by what their names say they hold. */
function readSets(dir: string, into: { redTeam: string[]; benign: string[] }, files: string[]): void {
  if (!existsSync(dir)) return;
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const file of walk(dir).sort()) {
    if (!/\.(jsonl|json|txt)$/.test(file)) continue;
    const name = path.basename(file).toLowerCase();
    const set = /benign|legit|allowed/.test(name) ? into.benign : /red|attack|adversar|jailbreak/.test(name) ? into.redTeam : null;
    if (!set) continue;
    set.push(...readMessages(file));
    files.push(path.relative(REPO_ROOT, file));
  }
}

export function loadGuardSets(examples = path.join(REPO_ROOT, 'core', 'guard', 'examples'), heldOut = path.join(REPO_ROOT, 'test', 'guard')): GuardSets {
  const out: GuardSets = { redTeam: [], benign: [], heldOutRedTeam: [], heldOutBenign: [], files: [] };
  readSets(examples, out, out.files);
  const held = { redTeam: out.heldOutRedTeam, benign: out.heldOutBenign };
  readSets(heldOut, held, out.files);
  return out;
}
