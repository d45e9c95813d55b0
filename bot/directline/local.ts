/**
 * A local Direct Line 3.0 channel, in memory: conversations, tokens and an
 * activity log read with watermarks, so the stock Web Chat (DirectLineJS with
 * polling) talks to this bot with no Azure, no secret and no internet.
 *
 * User activities are handed to the bot in-process (see `Deliver`); whatever
 * the bot sends during the turn is appended to the log as it is sent, so a
 * typing indicator shows up before the answer.
 */
import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** Runs one activity through the bot; `onReplies` receives what the bot sends, as it sends it. */
export type Deliver = (activity: Activity, onReplies: (replies: Partial<Activity>[]) => void) => Promise<void>;

export interface LocalDirectLineOptions {
  deliver: Deliver;
  botId?: string;
  botName?: string;
  /** serviceUrl stamped on activities; never called because replies are captured in-process. */
  serviceUrl?: string;
  channelId?: string;
  tokenTtlSeconds?: number;
  maxConversations?: number;
  /** Activities kept per conversation; older ones fall off (watermarks stay absolute). */
  maxActivities?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

export interface ConversationInfo {
  conversationId: string;
  token: string;
  expires_in: number;
}

export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark: string;
}

/** Errors carry the HTTP status Direct Line uses, so routes map them one to one. */
export class DirectLineError extends Error {
  constructor(
    public readonly status: 400 | 403 | 404,
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }
}

interface Conversation {
  id: string;
  userId: string;
  log: Partial<Activity>[];
  /** Absolute index of log[0]. */
  offset: number;
  started: boolean;
  /** Turns run one after another per conversation so state never interleaves. */
  queue: Promise<void>;
}

interface TokenGrant {
  conversationId: string;
  userId: string;
  expiresAt: number;
}

/** Client-sent types we accept; the bot only sees messages and events. */
const DELIVERED_TYPES = new Set(['message', 'event']);
const ACCEPTED_TYPES = new Set([...DELIVERED_TYPES, 'typing']);
/** Reply types a Direct Line client shows; invoke responses and traces stay server-side. */
const VISIBLE_REPLY_TYPES = new Set(['message', 'typing', 'event', 'endOfConversation']);

const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');

export class LocalDirectLine {
  private readonly conversations = new Map<string, Conversation>();
  private readonly tokens = new Map<string, TokenGrant>();
  private readonly o: Required<Omit<LocalDirectLineOptions, 'onError'>> & Pick<LocalDirectLineOptions, 'onError'>;

  constructor(options: LocalDirectLineOptions) {
    this.o = {
      botId: 'vks-assistant',
      botName: 'vks-assistant',
      serviceUrl: 'http://localhost/directline-local/',
      channelId: 'webchat',
      tokenTtlSeconds: 3600,
      maxConversations: 1000,
      maxActivities: 500,
      now: Date.now,
      ...options,
    };
  }

  /** Like Direct Line's tokens/generate: a token bound to a new conversation. */
  generateToken(userId?: string): ConversationInfo & { userId: string } {
    const conversation = this.createConversation(cleanUserId(userId));
    return { ...this.grant(conversation), userId: conversation.userId };
  }

  /**
   * POST /conversations. With a token: start the conversation it is bound to.
   * Without (only allowed by the route in open local mode): a new conversation.
   */
  startConversation(token: string | undefined, userId?: string): ConversationInfo {
    const conversation = token ? this.conversationFor(token) : this.createConversation(cleanUserId(userId));
    if (!conversation.started) {
      conversation.started = true;
      this.dispatch(conversation, {
        type: 'conversationUpdate',
        membersAdded: [
          { id: this.o.botId, name: this.o.botName },
          { id: conversation.userId, name: '' },
        ],
        from: { id: conversation.userId, name: '', role: 'user' },
      } as Partial<Activity>);
    }
    return token ? { conversationId: conversation.id, token, expires_in: this.expiresIn(token) } : this.grant(conversation);
  }

  /** GET /conversations/:id (reconnect): same conversation, same token. */
  reconnect(token: string, conversationId: string): ConversationInfo {
    const conversation = this.authorize(token, conversationId);
    return { conversationId: conversation.id, token, expires_in: this.expiresIn(token) };
  }

  refreshToken(token: string): ConversationInfo {
    const conversation = this.conversationFor(token);
    this.tokens.delete(token);
    return this.grant(conversation);
  }

  postActivity(token: string, conversationId: string, body: unknown): { id: string } {
    const conversation = this.authorize(token, conversationId);
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new DirectLineError(400, 'BadArgument', 'activity must be a JSON object');
    }
    const activity = body as Partial<Activity>;
    if (typeof activity.type !== 'string' || !ACCEPTED_TYPES.has(activity.type)) {
      throw new DirectLineError(400, 'BadArgument', `unsupported activity type: ${String(activity.type)}`);
    }
    if (activity.text !== undefined && typeof activity.text !== 'string') {
      throw new DirectLineError(400, 'BadArgument', 'text must be a string');
    }
    if (activity.type === 'typing') return { id: `${conversation.id}|typing` };
    const stored = this.append(conversation, {
      ...activity,
      // The token decides who is speaking, not the client.
      from: { ...(activity.from ?? {}), id: conversation.userId, role: 'user' } as Activity['from'],
    });
    this.dispatch(conversation, stored);
    return { id: stored.id as string };
  }

  getActivities(token: string, conversationId: string, watermark?: string): ActivitySet {
    const conversation = this.authorize(token, conversationId);
    const from = Math.max(0, Number.parseInt(watermark ?? '', 10) || 0);
    const activities = conversation.log.slice(Math.max(0, from - conversation.offset));
    return { activities, watermark: String(conversation.offset + conversation.log.length) };
  }

  /** Resolves when every queued turn has finished (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.conversations.values()].map((c) => c.queue));
  }

  private createConversation(userId: string): Conversation {
    const conversation: Conversation = { id: randomId(16), userId, log: [], offset: 0, started: false, queue: Promise.resolve() };
    this.conversations.set(conversation.id, conversation);
    while (this.conversations.size > this.o.maxConversations) {
      const oldest = this.conversations.keys().next().value as string;
      this.conversations.delete(oldest);
    }
    return conversation;
  }

  private grant(conversation: Conversation): ConversationInfo {
    const token = randomId(32);
    this.tokens.set(token, {
      conversationId: conversation.id,
      userId: conversation.userId,
      expiresAt: this.o.now() + this.o.tokenTtlSeconds * 1000,
    });
    this.sweepTokens();
    return { conversationId: conversation.id, token, expires_in: this.o.tokenTtlSeconds };
  }

  private sweepTokens(): void {
    const now = this.o.now();
    for (const [token, grant] of this.tokens) {
      if (grant.expiresAt <= now || !this.conversations.has(grant.conversationId)) this.tokens.delete(token);
    }
  }

  private expiresIn(token: string): number {
    const grant = this.tokens.get(token);
    return grant ? Math.max(0, Math.round((grant.expiresAt - this.o.now()) / 1000)) : 0;
  }

  private conversationFor(token: string): Conversation {
    const grant = this.tokens.get(token);
    // Direct Line answers 403 for a bad or expired token; Web Chat then stops or refreshes.
    if (!grant || grant.expiresAt <= this.o.now()) throw new DirectLineError(403, 'TokenExpired', 'token is invalid or expired');
    const conversation = this.conversations.get(grant.conversationId);
    if (!conversation) throw new DirectLineError(404, 'BadArgument', 'conversation not found');
    // Touch for least-recently-used eviction.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  private authorize(token: string, conversationId: string): Conversation {
    const conversation = this.conversationFor(token);
    if (conversation.id !== conversationId) throw new DirectLineError(403, 'BadArgument', 'token does not match this conversation');
    return conversation;
  }

  private append(conversation: Conversation, activity: Partial<Activity>): Partial<Activity> {
    const index = conversation.offset + conversation.log.length;
    const stored: Partial<Activity> = {
      ...activity,
      id: `${conversation.id}|${String(index).padStart(7, '0')}`,
      timestamp: new Date(this.o.now()),
      channelId: this.o.channelId,
      conversation: { id: conversation.id } as Activity['conversation'],
    };
    conversation.log.push(stored);
    const excess = conversation.log.length - this.o.maxActivities;
    if (excess > 0) {
      conversation.log.splice(0, excess);
      conversation.offset += excess;
    }
    return stored;
  }

  /** Queue a turn for the bot; the HTTP caller does not wait for the answer. */
  private dispatch(conversation: Conversation, activity: Partial<Activity>): void {
    if (!DELIVERED_TYPES.has(activity.type ?? '') && activity.type !== 'conversationUpdate') return;
    const inbound = {
      ...activity,
      id: activity.id ?? randomId(8),
      timestamp: activity.timestamp ?? new Date(this.o.now()),
      channelId: this.o.channelId,
      serviceUrl: this.o.serviceUrl,
      conversation: { id: conversation.id },
      recipient: { id: this.o.botId, name: this.o.botName, role: 'bot' },
      // Replies are buffered by the turn instead of posted to serviceUrl.
      deliveryMode: 'expectReplies',
    } as Activity;
    const onReplies = (replies: Partial<Activity>[]) => {
      for (const reply of replies) {
        if (!VISIBLE_REPLY_TYPES.has(reply.type ?? '')) continue;
        this.append(conversation, {
          ...reply,
          from: { id: this.o.botId, name: this.o.botName, role: 'bot' } as Activity['from'],
        });
      }
    };
    conversation.queue = conversation.queue
      .then(() => this.o.deliver(inbound, onReplies))
      .catch((error) => this.o.onError?.(error));
  }
}

/** Direct Line user ids are client-chosen; keep them short and printable. */
function cleanUserId(userId: string | undefined): string {
  const id = (userId ?? '').trim();
  return /^[\w.:@-]{1,128}$/.test(id) ? id : `dl_${randomId(12)}`;
}
