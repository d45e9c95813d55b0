/**
 * Child: guard decision time per message over the red-team + benign sets, run
 * alone so nothing else competes for the CPU while it is timed.
 */
import { checkInput } from '../core/guard/index.js';
import { reportResult } from './lib/child.js';
import { loadGuardSets } from './lib/guard-sets.js';
import { summarize } from './lib/stats.js';

const sets = loadGuardSets();
const all = [...sets.redTeam, ...sets.benign];
for (let i = 0; i < 5; i++) for (const m of all) checkInput(m);
const times: number[] = [];
const rounds = all.length ? Math.max(5, Math.ceil(50_000 / all.length)) : 0;
for (let r = 0; r < rounds; r++) {
  for (const m of all) {
    const t0 = performance.now();
    checkInput(m);
    times.push(performance.now() - t0);
  }
}
reportResult(summarize(times));
