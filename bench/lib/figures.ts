/**
 * A figure is one measured number with the target it is held to. Targets are
 * evaluated here, once, so the table, the JSON and the test agree on ✓/✗.
 */
export interface Target {
  /** Human-readable target, e.g. "≤ 5 ms" or "> peers (0.61, 0.72)". */
  text: string;
  ok: boolean;
}

export interface Figure {
  section: string;
  name: string;
  /** Null when the measurement could not be taken (see `note`). */
  value: number | null;
  unit: string;
  target?: Target;
  note?: string;
}

const fmt = (x: number, unit = '') => `${Number.isInteger(x) ? x : x.toFixed(Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 3)}${unit ? ` ${unit}` : ''}`;

export function atMost(value: number | null, limit: number, unit = ''): Target {
  return { text: `≤ ${fmt(limit, unit)}`, ok: value !== null && Number.isFinite(value) && value <= limit };
}

export function atLeast(value: number | null, limit: number, unit = ''): Target {
  return { text: `≥ ${fmt(limit, unit)}`, ok: value !== null && Number.isFinite(value) && value >= limit };
}

export function exactly(value: number | null, expected: number): Target {
  return { text: `= ${expected}`, ok: value === expected };
}

/** Higher is better and must beat every peer strictly. */
export function aheadOf(value: number | null, peers: Record<string, number | null>): Target {
  const shown = Object.entries(peers).map(([k, v]) => `${k} ${v === null ? '–' : fmt(v)}`);
  const ok = value !== null && Object.values(peers).every((p) => p === null || value > p);
  return { text: `> ${shown.join(', ')}`, ok };
}

/** Lower is better and must beat every peer strictly. */
export function fasterThan(value: number | null, peers: Record<string, number | null>, unit = ''): Target {
  const shown = Object.entries(peers).map(([k, v]) => `${k} ${v === null ? '–' : fmt(v, unit)}`);
  const ok = value !== null && Object.values(peers).every((p) => p === null || value < p);
  return { text: `< ${shown.join(', ')}`, ok };
}

export function formatValue(f: Figure): string {
  if (f.value === null) return 'n/a';
  return fmt(f.value, f.unit);
}

export function renderFigures(figures: Figure[]): string {
  const out: string[] = [];
  let section = '';
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      out.push('', `### ${section}`, '', '| figure | value | target | |', '|---|---:|---|:-:|');
    }
    const mark = f.target ? (f.target.ok ? '✓' : '✗') : '';
    const note = f.note ? ` (${f.note})` : '';
    out.push(`| ${f.name}${note} | ${formatValue(f)} | ${f.target?.text ?? ''} | ${mark} |`);
  }
  return out.join('\n');
}

export function tally(figures: Figure[]): { met: number; missed: number } {
  const t = figures.filter((f) => f.target);
  return { met: t.filter((f) => f.target!.ok).length, missed: t.filter((f) => !f.target!.ok).length };
}
