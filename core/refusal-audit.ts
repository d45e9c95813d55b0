/**
 * Append-only log of refusals: who (hashed), where, which kind of attempt, when.
 * Never the message itself: the log must not become a copy of what was asked.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GuardCategory } from './guard/index.js';
import { AUDIT_WRITE_FAILED } from '../prompts/guard.js';

export interface RefusalEvent {
  userId?: string;
  conversationId?: string;
  channel?: string;
  category: GuardCategory;
}

export interface RefusalRecord {
  time: string;
  /** sha256(salt + userId), hex, first 32 characters; null when the channel gave no user. */
  user: string | null;
  conversation: string | null;
  channel: string | null;
  category: GuardCategory;
}

export interface RefusalAuditOptions {
  file: string;
  salt: string;
  /** Extra destination (e.g. a SIEM forwarder); its failures are logged like the file's. */
  sink?: (record: RefusalRecord) => Promise<void>;
  /** Where write failures are reported; defaults to console.error. */
  onError?: (message: string, error: unknown) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

export function hashUser(salt: string, userId: string): string {
  return createHash('sha256').update(salt + userId, 'utf8').digest('hex').slice(0, 32);
}

export class RefusalAudit {
  private readonly opts: RefusalAuditOptions;
  private folderReady: Promise<unknown> | null = null;
  /** Writes are chained so lines never interleave. */
  private queue: Promise<void> = Promise.resolve();

  constructor(opts: RefusalAuditOptions) {
    this.opts = opts;
  }

  /** Record one refusal. Never throws: an audit failure must not break the user's turn. */
  record(e: RefusalEvent): Promise<void> {
    const rec: RefusalRecord = {
      time: (this.opts.now?.() ?? new Date()).toISOString(),
      user: e.userId ? hashUser(this.opts.salt, e.userId) : null,
      conversation: e.conversationId ?? null,
      channel: e.channel ?? null,
      category: e.category,
    };
    this.queue = this.queue.then(() => this.write(rec));
    return this.queue;
  }

  private async write(rec: RefusalRecord): Promise<void> {
    const report = this.opts.onError ?? ((m: string, err: unknown) => console.error(m, err));
    try {
      this.folderReady ??= mkdir(dirname(this.opts.file), { recursive: true });
      await this.folderReady;
      await appendFile(this.opts.file, JSON.stringify(rec) + '\n', 'utf8');
    } catch (err) {
      this.folderReady = null;
      report(`${AUDIT_WRITE_FAILED}: ${this.opts.file}`, err);
    }
    if (this.opts.sink) {
      try {
        await this.opts.sink(rec);
      } catch (err) {
        report(AUDIT_WRITE_FAILED, err);
      }
    }
  }
}
