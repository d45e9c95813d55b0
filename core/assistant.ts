/**
 * The one entry point both the bot and the CLI use: a question (plus the
 * conversation so far) in, a cited answer, an honest abstention or a refusal out.
 */
import type { Answer, Turn } from './types.js';

export interface AskOptions {
  history?: Turn[];
  /** Raw channel user id; only ever stored hashed (audit). */
  userId?: string;
  conversationId?: string;
  channel?: string;
}

export interface AssistantReply extends Answer {
  /** Id of this answer, for feedback. */
  id: string;
  /** The standalone question after follow-up rewriting (kept in conversation history). */
  standalone: string;
}

export interface Health {
  loaded: boolean;
  documents: number;
  chunks: number;
  version: string | null;
}

export interface Assistant {
  ask(question: string, options?: AskOptions): Promise<AssistantReply>;
  health(): Health;
}
