/**
 * Append-only log of refusals: who (hashed), where, which kind of attempt, when.
 * Never the message itself: the log must not become a copy of what was asked.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
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

/** How long one opened handle is used before the path is opened again (log rotation). */
const REOPEN_MS = 1000;

/** Records waiting for the next append, and the promise of that append. */
interface Batch {
  records: RefusalRecord[];
  written: Promise<void>;
}

/**
 * Refusals are appended in batches: one append at a time, and every record that
 * arrives while it runs goes into the next one. Under load a refusal then waits
 * for at most one append in flight plus its own, instead of a queue of
 * open/write/close round trips, one per earlier refusal (each of which also waits
 * for a busy event loop to pick up its completion). Each record's promise still
 * resolves only once its line has been handed to the file system, in order.
 *
 * The file stays open between appends (one write per batch instead of
 * open + write + close) and is reopened after a failure and at least every
 * REOPEN_MS, so a log rotated by renaming is followed within a second.
 */
export class RefusalAudit {
  private readonly opts: RefusalAuditOptions;
  private file: { handle: FileHandle; openedAt: number } | null = null;
  /** The batch still taking records (its append has not started), if any. */
  private filling: Batch | null = null;
  /** The last batch's append: the next one starts after it, so lines never interleave. */
  private tail: Promise<void> = Promise.resolve();

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
    let batch = this.filling;
    if (!batch) {
      const records: RefusalRecord[] = [];
      const written = this.tail.then(() => {
        // From here on, new records go to the next batch.
        if (this.filling === batch) this.filling = null;
        return this.write(records);
      });
      batch = this.filling = { records, written };
      this.tail = written;
    }
    batch.records.push(rec);
    return batch.written;
  }

  private async write(records: RefusalRecord[]): Promise<void> {
    const report = this.opts.onError ?? ((m: string, err: unknown) => console.error(m, err));
    try {
      const handle = await this.handle();
      await handle.appendFile(records.map((r) => JSON.stringify(r) + '\n').join(''), 'utf8');
    } catch (err) {
      this.close();
      report(`${AUDIT_WRITE_FAILED}: ${this.opts.file}`, err);
    }
    if (this.opts.sink) {
      for (const rec of records) {
        try {
          await this.opts.sink(rec);
        } catch (err) {
          report(AUDIT_WRITE_FAILED, err);
        }
      }
    }
  }

  /** The open file, opened (and its folder made) when missing or older than REOPEN_MS. */
  private async handle(): Promise<FileHandle> {
    if (this.file && Date.now() - this.file.openedAt < REOPEN_MS) return this.file.handle;
    this.close();
    await mkdir(dirname(this.opts.file), { recursive: true });
    const handle = await open(this.opts.file, 'a');
    this.file = { handle, openedAt: Date.now() };
    return handle;
  }

  private close(): void {
    // Only appends used it and the next one waits for nothing it held: close in the background.
    this.file?.handle.close().catch(() => undefined);
    this.file = null;
  }
}
