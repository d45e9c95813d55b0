/**
 * User feedback (👍/👎 plus an optional comment) on an answer. The store is an
 * interface so a shared (Redis) implementation can replace the file one.
 */
import { createHmac } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export type Reaction = 'like' | 'dislike';

export interface FeedbackEntry {
  /** ISO time of the reaction. */
  at: string;
  reaction: Reaction;
  comment?: string;
  /** Id of the user's question activity. */
  questionId?: string;
  /** Id of the assistant's answer (AssistantReply.id). */
  answerId?: string;
  /** Salted hash of the channel user id: never the raw id. */
  user: string;
  channel: string;
}

export interface FeedbackStore {
  record(entry: FeedbackEntry): Promise<void>;
  list(): Promise<FeedbackEntry[]>;
}

export function hashUserId(userId: string, salt: string): string {
  return createHmac('sha256', salt).update(userId).digest('hex').slice(0, 24);
}

/** Appends one JSON line per entry; lines that fail to parse are skipped on read. */
export class JsonlFeedbackStore implements FeedbackStore {
  private ready: Promise<unknown> | undefined;
  // Serialise appends so concurrent writes never interleave within a line.
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  record(entry: FeedbackEntry): Promise<void> {
    this.ready ??= mkdir(dirname(this.file), { recursive: true });
    const write = this.tail.then(async () => {
      await this.ready;
      await appendFile(this.file, JSON.stringify(entry) + '\n', 'utf8');
    });
    this.tail = write.catch(() => undefined);
    return write;
  }

  async list(): Promise<FeedbackEntry[]> {
    await this.tail;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const entries: FeedbackEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        entries.push(JSON.parse(line) as FeedbackEntry);
      } catch {
        // A torn last line after a crash must not hide the rest.
      }
    }
    return entries;
  }
}

export class MemoryFeedbackStore implements FeedbackStore {
  private readonly entries: FeedbackEntry[] = [];
  async record(entry: FeedbackEntry): Promise<void> {
    this.entries.push(entry);
  }
  async list(): Promise<FeedbackEntry[]> {
    return [...this.entries];
  }
}

const MAX_COMMENT_CHARS = 2000;

function cleanComment(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.normalize('NFC').trim().slice(0, MAX_COMMENT_CHARS);
  return text || undefined;
}

function asReaction(value: unknown): Reaction | undefined {
  return value === 'like' || value === 'dislike' ? value : undefined;
}

/** What a feedback gesture carries before the bot adds user, time and channel. */
export interface FeedbackSignal {
  reaction: Reaction;
  comment?: string;
  answerId?: string;
  questionId?: string;
}

/** Data our own card buttons submit (web chat and other non-Teams channels). */
export const FEEDBACK_ACTION = 'vks.feedback';

export function feedbackFromCardValue(value: unknown): FeedbackSignal | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.action !== FEEDBACK_ACTION) return undefined;
  const reaction = asReaction(v.reaction);
  if (!reaction) return undefined;
  return {
    reaction,
    comment: cleanComment(v.comment),
    answerId: typeof v.answerId === 'string' ? v.answerId : undefined,
    questionId: typeof v.questionId === 'string' ? v.questionId : undefined,
  };
}

/**
 * Teams feedback loop invoke (`message/submitAction`, actionName "feedback"):
 * actionValue.feedback is a JSON string such as {"feedbackText":"..."}.
 */
export function feedbackFromTeamsInvoke(value: unknown): FeedbackSignal | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as { actionName?: unknown; actionValue?: { reaction?: unknown; feedback?: unknown } };
  if (v.actionName !== 'feedback' || !v.actionValue) return undefined;
  const reaction = asReaction(v.actionValue.reaction);
  if (!reaction) return undefined;
  let comment: string | undefined;
  const raw = v.actionValue.feedback;
  if (typeof raw === 'string') {
    try {
      const parsed = JSON.parse(raw) as { feedbackText?: unknown };
      comment = cleanComment(parsed?.feedbackText);
    } catch {
      comment = cleanComment(raw);
    }
  } else if (raw && typeof raw === 'object') {
    comment = cleanComment((raw as { feedbackText?: unknown }).feedbackText);
  }
  return { reaction, comment };
}
