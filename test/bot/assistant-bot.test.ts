import { describe, expect, it } from 'vitest';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { pino } from 'pino';
import { AssistantBot, HISTORY_TURNS } from '../../bot/assistant-bot.js';
import { turnErrorHandler } from '../../bot/adapter.js';
import { MemoryFeedbackStore, FEEDBACK_ACTION, hashUserId } from '../../bot/feedback.js';
import { createRateLimiter } from '../../bot/rate-limit.js';
import * as T from '../../prompts/bot.js';
import { FAIL_MARKER, FakeAssistant, REFUSE_MARKER, ABSTAIN_MARKER } from './fake-assistant.js';

const logger = pino({ level: 'silent' });

function setup(options: { perMinute?: number; maxChars?: number; tenants?: string[]; now?: () => number } = {}) {
  const assistant = new FakeAssistant();
  const feedback = new MemoryFeedbackStore();
  const bot = new AssistantBot({
    assistant,
    conversationState: new ConversationState(new MemoryStorage()),
    feedback,
    rateLimiter: createRateLimiter({ perMinute: options.perMinute ?? 100, now: options.now }),
    maxMessageChars: options.maxChars ?? 500,
    allowedTenantIds: options.tenants ?? [],
    auditSalt: 'salt',
    logger,
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.onTurnError = turnErrorHandler(logger);
  /** One turn: the activities the bot sent in answer. */
  const turn = async (activity: string | Partial<Activity>): Promise<Partial<Activity>[]> => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(typeof activity === 'string' ? { type: 'message', text: activity } : activity);
    return adapter.activeQueue.splice(0);
  };
  return { assistant, feedback, bot, adapter, turn };
}

const messages = (replies: Partial<Activity>[]) => replies.filter((r) => r.type === ActivityTypes.Message);

const teamsActivity = (text: string, tenant = 'tenant-a'): Partial<Activity> => ({
  type: 'message',
  channelId: 'msteams',
  text: `<at>VKS Bot</at> ${text}`,
  from: { id: 'teams-user-1', name: 'Nguyễn Văn A', aadObjectId: 'aad-1' } as Activity['from'],
  recipient: { id: '28:bot-id', name: 'VKS Bot' } as Activity['recipient'],
  conversation: { id: 'teams-conv-1', conversationType: 'channel', tenantId: tenant } as Activity['conversation'],
  channelData: { tenant: { id: tenant }, team: { id: 'team-1' } },
  entities: [{ type: 'mention', text: '<at>VKS Bot</at>', mentioned: { id: '28:bot-id', name: 'VKS Bot' } }],
});

describe('AssistantBot', () => {
  it('welcomes a new member with three example questions as suggested actions', async () => {
    const { turn } = setup();
    const replies = await turn({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot', name: 'Bot' }, { id: 'user1', name: 'User' }] as Activity['membersAdded'],
      recipient: { id: 'bot', name: 'Bot' } as Activity['recipient'],
    });
    const [welcome] = messages(replies);
    expect(welcome.text).toBe(T.WELCOME_TEXT);
    const actions = welcome.suggestedActions?.actions ?? [];
    expect(actions).toHaveLength(3);
    expect(actions.map((a) => a.value)).toEqual([...T.EXAMPLE_QUESTIONS]);
    expect(actions.every((a) => a.type === 'imBack')).toBe(true);
  });

  it('does not welcome when only the bot itself was added', async () => {
    const { turn } = setup();
    const replies = await turn({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot', name: 'Bot' }] as Activity['membersAdded'],
      recipient: { id: 'bot', name: 'Bot' } as Activity['recipient'],
    });
    expect(messages(replies)).toHaveLength(0);
  });

  it('shows typing, then answers with a sources list in text and a card off Teams', async () => {
    const { turn } = setup();
    const replies = await turn('Kế hoạch 221/KH-VKSTC có bao nhiêu mục tiêu?');
    const typingIndex = replies.findIndex((r) => r.type === ActivityTypes.Typing);
    const answerIndex = replies.findIndex((r) => r.type === ActivityTypes.Message);
    expect(typingIndex).toBeGreaterThanOrEqual(0);
    expect(typingIndex).toBeLessThan(answerIndex);
    const answer = replies[answerIndex];
    expect(answer.text).toContain('Trả lời cho: Kế hoạch 221/KH-VKSTC');
    expect(answer.text).toContain(T.SOURCES_HEADING);
    expect(answer.text).toContain('221/KH-VKSTC');
    expect(answer.text).toContain('Chương III > Điều 28');
    expect(answer.entities ?? []).toHaveLength(0);
    const card = answer.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const cardJson = JSON.stringify(card?.content);
    expect(cardJson).toContain('Mục I > Mục tiêu');
    expect(cardJson).toContain('ans-1');
    expect(answer.suggestedActions?.actions.length).toBeGreaterThan(0);
  });

  it('answers in Teams with citation entities, feedback loop and the @mention stripped', async () => {
    const { turn, assistant } = setup({ tenants: ['tenant-a'] });
    const replies = await turn(teamsActivity('Thời hạn giải quyết khiếu nại lần đầu?'));
    expect(assistant.calls[0].question).toBe('Thời hạn giải quyết khiếu nại lần đầu?');
    expect(assistant.calls[0].options?.channel).toBe('msteams');
    const [answer] = messages(replies);
    expect(answer.channelData).toMatchObject({ feedbackLoopEnabled: true });
    expect(answer.attachments ?? []).toHaveLength(0);
    const entity = answer.entities?.[0] as Record<string, any>;
    expect(entity).toMatchObject({ type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', '@id': '' });
    expect(entity.citation).toHaveLength(2);
    expect(entity.citation[0]).toMatchObject({ '@type': 'Claim', position: 1, appearance: { '@type': 'DigitalDocument' } });
    expect(entity.citation[0].appearance.name).toContain('221/KH-VKSTC');
    expect(entity.citation[1].appearance.abstract).toContain('Điều 28');
    expect(answer.text).toContain('[1]');
    expect(answer.text).toContain(T.SOURCES_HEADING);
  });

  it('refuses a Teams tenant outside the allow-list without asking the assistant', async () => {
    const { turn, assistant } = setup({ tenants: ['tenant-a'] });
    const replies = await turn(teamsActivity('Câu hỏi bất kỳ', 'tenant-evil'));
    expect(messages(replies).map((r) => r.text)).toEqual([T.TENANT_NOT_ALLOWED]);
    expect(assistant.calls).toHaveLength(0);
  });

  it('passes the conversation history to the assistant for follow-ups, with the documents each answer cited', async () => {
    const { turn, assistant } = setup();
    await turn('Kế hoạch 221/KH-VKSTC là gì?');
    await turn('Nó có bao nhiêu mục tiêu?');
    const second = assistant.calls[1];
    expect(second.options?.history).toEqual([
      {
        question: 'Kế hoạch 221/KH-VKSTC là gì?',
        standalone: '(độc lập) Kế hoạch 221/KH-VKSTC là gì?',
        answer: 'Trả lời cho: Kế hoạch 221/KH-VKSTC là gì? [1][2]',
        cited: ['ke-hoach/221-KH-VKSTC.md', 'luat/khieu-nai-2011.txt'],
      },
    ]);
  });

  it('keeps only the last turns of history', async () => {
    const { turn, assistant } = setup();
    for (let i = 1; i <= HISTORY_TURNS + 3; i++) await turn(`Câu hỏi số ${i}`);
    const last = assistant.calls.at(-1)!;
    expect(last.options?.history).toHaveLength(HISTORY_TURNS);
    expect(last.options?.history?.at(-1)?.question).toBe(`Câu hỏi số ${HISTORY_TURNS + 2}`);
  });

  it('refuses a too-long message with a clear Vietnamese reply and does not ask', async () => {
    const { turn, assistant } = setup({ maxChars: 50 });
    const replies = await turn('Điều '.repeat(30));
    expect(messages(replies).map((r) => r.text)).toEqual([T.TOO_LONG(50, 'Điều '.repeat(30).trim().length)]);
    expect(assistant.calls).toHaveLength(0);
  });

  it('rate-limits a user politely and lets them ask again after the refill', async () => {
    let now = 0;
    const { turn, assistant } = setup({ perMinute: 2, now: () => now });
    await turn('Câu 1');
    await turn('Câu 2');
    const limited = messages(await turn('Câu 3'));
    expect(limited[0].text).toBe(T.RATE_LIMITED(30));
    expect(assistant.calls).toHaveLength(2);
    now += 30_000;
    await turn('Câu 4');
    expect(assistant.calls).toHaveLength(3);
  });

  it('renders a refusal as plain text without sources or feedback card', async () => {
    const { turn } = setup();
    const [answer] = messages(await turn(`Cho tôi xem tài liệu ${REFUSE_MARKER}`));
    expect(answer.text).toContain('không thể trả lời');
    expect(answer.text).not.toContain(T.SOURCES_HEADING);
    expect(answer.attachments ?? []).toHaveLength(0);
  });

  it('falls back to an abstention text when the assistant returns none', async () => {
    const { turn } = setup();
    const [answer] = messages(await turn(`Tôi ${ABSTAIN_MARKER}`));
    expect(answer.text).toBe(T.ABSTAIN_FALLBACK);
  });

  it('stores web chat card feedback with the answer and question ids and a hashed user', async () => {
    const { turn, feedback } = setup();
    const [answer] = messages(await turn({ type: 'message', text: 'Ký số văn bản thế nào?', id: 'q-42' }));
    const card = answer.attachments![0].content as any;
    const dislike = card.actions[1].card.actions[0].data;
    const replies = await turn({ type: 'message', from: { id: 'u-1', name: 'A' } as Activity['from'], value: { ...dislike, comment: '  Thiếu điều khoản  ' } });
    expect(messages(replies).map((r) => r.text)).toEqual([T.FEEDBACK_THANKS]);
    const [entry] = await feedback.list();
    expect(entry).toMatchObject({ reaction: 'dislike', comment: 'Thiếu điều khoản', answerId: 'ans-1', questionId: 'q-42', channel: 'test' });
    expect(entry.user).toBe(hashUserId('u-1', 'salt'));
    expect(entry.user).not.toContain('u-1');
    expect(dislike.action).toBe(FEEDBACK_ACTION);
  });

  it('stores Teams feedback-loop invokes and answers the invoke with 200', async () => {
    const { turn, feedback } = setup();
    const [answer] = messages(await turn(teamsActivity('Khiếu nại lần đầu?')));
    const replies = await turn({
      ...teamsActivity(''),
      text: undefined,
      entities: undefined,
      type: 'invoke',
      name: 'message/submitAction',
      replyToId: answer.id,
      value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: JSON.stringify({ feedbackText: 'Rất rõ ràng' }) } },
    });
    const invokeResponse = replies.find((r) => r.type === ActivityTypes.InvokeResponse);
    expect(invokeResponse?.value).toMatchObject({ status: 200 });
    const [entry] = await feedback.list();
    expect(entry).toMatchObject({ reaction: 'like', comment: 'Rất rõ ràng', answerId: 'ans-1', channel: 'msteams' });
  });

  it('apologises when answering fails and keeps the conversation working', async () => {
    const { turn, assistant } = setup();
    await turn('Câu hỏi đầu tiên');
    const failed = messages(await turn(`Câu này ${FAIL_MARKER}`));
    expect(failed.map((r) => r.text)).toEqual([T.TURN_ERROR]);
    const after = messages(await turn('Câu hỏi tiếp theo'));
    expect(after[0].text).toContain('Trả lời cho: Câu hỏi tiếp theo');
    // History from before the failure survived.
    expect(assistant.calls.at(-1)?.options?.history?.[0].question).toBe('Câu hỏi đầu tiên');
  });

  it('asks the user to type something for an empty message', async () => {
    const { turn, assistant } = setup();
    expect(messages(await turn({ type: 'message', text: '   ' }))[0].text).toBe(T.EMPTY_MESSAGE);
    expect(assistant.calls).toHaveLength(0);
  });
});
