/** Prometheus metrics of the service (prom-client), one registry per server. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Health } from '../core/assistant.js';

export type Outcome = 'answered' | 'abstained' | 'refused' | 'error' | 'rejected';

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly latency: Histogram<'outcome'>;
  private readonly outcomes: Counter<'outcome'>;
  private readonly feedback: Counter<'reaction'>;
  private readonly ingests: Counter<'result'>;

  constructor(health: () => Health, opts: { defaultMetrics?: boolean } = {}) {
    if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'vks_' });
    this.latency = new Histogram({
      name: 'vks_answer_latency_seconds',
      help: 'Time to answer one question (guard, retrieval, composition)',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [this.registry],
    });
    this.outcomes = new Counter({ name: 'vks_answers_total', help: 'Questions by outcome', labelNames: ['outcome'], registers: [this.registry] });
    this.feedback = new Counter({ name: 'vks_feedback_total', help: 'Feedback by reaction', labelNames: ['reaction'], registers: [this.registry] });
    this.ingests = new Counter({ name: 'vks_ingest_runs_total', help: 'Re-ingest runs by result', labelNames: ['result'], registers: [this.registry] });
    for (const o of ['answered', 'abstained', 'refused', 'error'] as const) this.outcomes.inc({ outcome: o }, 0);
    for (const r of ['like', 'dislike'] as const) this.feedback.inc({ reaction: r }, 0);
    new Gauge({
      name: 'vks_index_documents',
      help: 'Documents in the serving index version',
      registers: [this.registry],
      collect() {
        this.set(health().documents);
      },
    });
    new Gauge({
      name: 'vks_index_chunks',
      help: 'Chunks in the serving index version',
      registers: [this.registry],
      collect() {
        this.set(health().chunks);
      },
    });
    new Gauge({
      name: 'vks_index_info',
      help: 'The serving index version (value 1, version in the label)',
      labelNames: ['version'],
      registers: [this.registry],
      collect() {
        this.reset();
        this.set({ version: health().version ?? 'none' }, 1);
      },
    });
  }

  observeAnswer(outcome: Outcome, seconds: number): void {
    this.outcomes.inc({ outcome });
    this.latency.observe({ outcome }, seconds);
  }

  observeFeedback(reaction: 'like' | 'dislike'): void {
    this.feedback.inc({ reaction });
  }

  observeIngest(ok: boolean): void {
    this.ingests.inc({ result: ok ? 'ok' : 'failed' });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** Outcome of one answer, for logs and metrics. */
export function outcomeOf(r: { refused: boolean; abstained: boolean }): Outcome {
  return r.refused ? 'refused' : r.abstained ? 'abstained' : 'answered';
}
