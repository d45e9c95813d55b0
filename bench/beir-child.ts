/**
 * Child: the public benchmarks. Ours and plain BM25 through the retrieval
 * engineer's runBeir; peers (b) LangChain default and (c) MiniSearch scored the
 * same way.
 *
 *   node --import tsx bench/beir-child.ts [--quick]
 */
import { runBeir } from './beir.js';
import { BENCHMARKS } from './lib/beir-data.js';
import { runPeerBeir } from './lib/peer-beir.js';
import { reportResult } from './lib/child.js';

const quick = process.argv.includes('--quick');
const names = quick ? ['alqac2023'] : [...BENCHMARKS];
const ours = await runBeir({ quick, benchmarks: names });
const peers = await runPeerBeir(names);
reportResult({ benchmarks: names, results: [...ours, ...peers] });
