/**
 * The bot's behaviour: welcome, guards before asking (length, rate, tenant),
 * typing while the assistant works, cited answers, conversation history for
 * follow-up questions, and 👍/👎 feedback from Teams and from our own cards.
 */
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  TeamsActivityHandler,
  TurnContext,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Assistant } from '../core/assistant.js';
import type { Turn } from '../core/types.js';
import { nfc } from '../core/text.js';
import * as T from '../prompts/bot.js';
import { adminMessages } from '../prompts/admin.js';
import { answerActivity, TEAMS_CHANNEL, welcomeActivity } from './cards.js';
import {
  feedbackFromCardValue,
  feedbackFromTeamsInvoke,
  hashUserId,
  type FeedbackSignal,
  type FeedbackStore,
} from './feedback.js';
import type { RateLimiter } from './rate-limit.js';
import { outcomeOf, type ServiceMetrics } from './metrics.js';
import { citedDocuments } from '../core/retrieval/conversation-prior.js';

/** Administrator commands typed in the chat (/reingest, /status). */
export interface AdminCommands {
  isAdmin(userId: string | undefined): boolean;
  /** Starts a re-ingest; returns the text to send back. */
  reingest(userId: string): Promise<string>;
  status(): string;
}

/** Turns kept for follow-up rewriting. */
export const HISTORY_TURNS = 6;
/** Sent answers remembered so a Teams feedback invoke (which only knows the message id) finds its answer. */
const ANSWERS_KEPT = 20;
/** Teams hides the typing indicator after a few seconds: refresh it while the assistant works. */
const TYPING_REFRESH_MS = 3000;

interface AnswerRef {
  answerId: string;
  questionId?: string;
}

export interface AssistantBotOptions {
  assistant: Assistant;
  conversationState: ConversationState;
  feedback: FeedbackStore;
  rateLimiter: RateLimiter;
  maxMessageChars: number;
  /** Teams tenants allowed; empty = any. */
  allowedTenantIds: string[];
  /** Salt for hashing user ids in feedback. */
  auditSalt: string;
  logger: Logger;
  admin?: AdminCommands;
  metrics?: ServiceMetrics;
}

export function tenantOf(activity: TurnContext['activity']): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData) return fromChannelData;
  return activity.conversation?.tenantId || undefined;
}

export class AssistantBot extends TeamsActivityHandler {
  private readonly history: StatePropertyAccessor<Turn[]>;
  private readonly answers: StatePropertyAccessor<Record<string, AnswerRef>>;

  constructor(private readonly opts: AssistantBotOptions) {
    super();
    this.history = opts.conversationState.createProperty<Turn[]>('history');
    this.answers = opts.conversationState.createProperty<Record<string, AnswerRef>>('answers');

    this.onMembersAdded(async (context, next) => {
      const others = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (others.length) await context.sendActivity(welcomeActivity());
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (!this.tenantAllowed(context)) {
      await this.refuseTenant(context);
      return;
    }
    await super.run(context);
    await this.opts.conversationState.saveChanges(context, false);
  }

  private tenantAllowed(context: TurnContext): boolean {
    const allowed = this.opts.allowedTenantIds;
    if (!allowed.length || context.activity.channelId !== TEAMS_CHANNEL) return true;
    const tenant = tenantOf(context.activity);
    return !!tenant && allowed.includes(tenant);
  }

  private async refuseTenant(context: TurnContext): Promise<void> {
    const { activity } = context;
    this.opts.logger.warn({ tenant: tenantOf(activity), type: activity.type }, 'tenant not allowed');
    if (activity.type === ActivityTypes.Message) {
      await context.sendActivity(T.TENANT_NOT_ALLOWED);
    } else if (activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
    }
  }

  private userKey(context: TurnContext): string {
    return `${context.activity.channelId}:${context.activity.from?.id ?? 'anonymous'}`;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const card = feedbackFromCardValue(activity.value);
    if (card) {
      await this.storeFeedback(context, card);
      await context.sendActivity(T.FEEDBACK_THANKS);
      return;
    }

    // In Teams channels the text starts with "<at>Bot</at>"; strip only the bot's own mention.
    const raw = activity.entities?.length ? TurnContext.removeRecipientMention(activity) : activity.text;
    const question = nfc(raw ?? '').trim();
    if (!question) {
      await context.sendActivity(T.EMPTY_MESSAGE);
      return;
    }

    const command = /^\/(reingest|status)\b/i.exec(question);
    if (command && this.opts.admin) {
      await this.handleCommand(context, command[1].toLowerCase() as 'reingest' | 'status');
      return;
    }

    const rate = this.opts.rateLimiter.take(this.userKey(context));
    if (!rate.allowed) {
      await context.sendActivity(T.RATE_LIMITED(Math.max(1, Math.ceil(rate.retryAfterMs / 1000))));
      return;
    }

    if (question.length > this.opts.maxMessageChars) {
      await context.sendActivity(T.TOO_LONG(this.opts.maxMessageChars, question.length));
      return;
    }

    const history = (await this.history.get(context, [])) ?? [];
    const started = performance.now();
    let reply;
    try {
      reply = await this.withTyping(context, () =>
        this.opts.assistant.ask(question, {
          history: [...history],
          userId: activity.from?.id,
          conversationId: activity.conversation?.id,
          channel: activity.channelId,
        }),
      );
    } catch (err) {
      this.opts.metrics?.observeAnswer('error', (performance.now() - started) / 1000);
      throw err;
    }
    const outcome = outcomeOf(reply);
    const seconds = (performance.now() - started) / 1000;
    this.opts.metrics?.observeAnswer(outcome, seconds);
    // One line per turn: ids, latency and outcome, never the question or answer text.
    this.opts.logger.info(
      { requestId: reply.id, channel: activity.channelId, latencyMs: Math.round(seconds * 1000), outcome, citations: reply.citations.length },
      'turn answered',
    );

    const questionId = activity.id ?? randomUUID();
    const sent = await context.sendActivity(answerActivity(reply, activity.channelId, { answerId: reply.id, questionId }));

    await this.history.set(
      context,
      [...history, { question, standalone: reply.standalone, answer: reply.text, cited: citedDocuments(reply.citations) }].slice(-HISTORY_TURNS),
    );
    if (sent?.id) {
      const answers = { ...((await this.answers.get(context, {})) ?? {}) };
      answers[sent.id] = { answerId: reply.id, questionId };
      const keys = Object.keys(answers);
      for (const key of keys.slice(0, Math.max(0, keys.length - ANSWERS_KEPT))) delete answers[key];
      await this.answers.set(context, answers);
    }
  }

  private async handleCommand(context: TurnContext, command: 'reingest' | 'status'): Promise<void> {
    const admin = this.opts.admin!;
    const userId = context.activity.from?.id;
    if (!admin.isAdmin(userId)) {
      this.opts.logger.warn({ command, channel: context.activity.channelId }, 'admin command refused');
      await context.sendActivity(adminMessages.notAdmin);
      return;
    }
    await context.sendActivity(command === 'reingest' ? await admin.reingest(userId!) : admin.status());
  }

  private async withTyping<R>(context: TurnContext, work: () => Promise<R>): Promise<R> {
    await context.sendActivity({ type: ActivityTypes.Typing });
    const timer = setInterval(() => {
      context.sendActivity({ type: ActivityTypes.Typing }).catch(() => undefined);
    }, TYPING_REFRESH_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private async storeFeedback(context: TurnContext, signal: FeedbackSignal): Promise<void> {
    const { activity } = context;
    this.opts.metrics?.observeFeedback(signal.reaction);
    await this.opts.feedback.record({
      at: new Date().toISOString(),
      reaction: signal.reaction,
      ...(signal.comment ? { comment: signal.comment } : {}),
      ...(signal.questionId ? { questionId: signal.questionId } : {}),
      ...(signal.answerId ? { answerId: signal.answerId } : {}),
      user: hashUserId(activity.from?.id ?? 'anonymous', this.opts.auditSalt),
      channel: activity.channelId,
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { activity } = context;
    if (activity.name === 'message/submitAction') {
      const signal = feedbackFromTeamsInvoke(activity.value);
      if (!signal) return { status: 400 };
      const ref = activity.replyToId ? ((await this.answers.get(context, {})) ?? {})[activity.replyToId] : undefined;
      await this.storeFeedback(context, { ...signal, answerId: ref?.answerId ?? activity.replyToId, questionId: ref?.questionId });
      return { status: 200, body: {} };
    }
    return super.onInvokeActivity(context);
  }
}
