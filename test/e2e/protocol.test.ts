/**
 * The real server on a loopback port, spoken to in raw Bot Framework protocol.
 * E2E_ASSISTANT=real runs it on the real pipeline: assertions rely on the shape
 * of answers (sources listed, refusal without sources), not on their wording.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../core/assistant.js';
import { FakeAssistant } from '../bot/fake-assistant.js';
import { e2eAssistant, startBotServer, startFakeChannel } from './helpers.js';
import * as T from '../../prompts/bot.js';

let assistant: Assistant;
let fake = true;

function activity(channelUrl: string, extra: Record<string, unknown>) {
  return {
    channelId: 'emulator',
    serviceUrl: channelUrl,
    conversation: { id: 'conv-proto' },
    from: { id: 'user-proto', name: 'Người dùng' },
    recipient: { id: 'bot-proto', name: 'Bot' },
    ...extra,
  };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('Bot Framework protocol (local development mode)', () => {
  let channel: Awaited<ReturnType<typeof startFakeChannel>>;
  let bot: Awaited<ReturnType<typeof startBotServer>>;
  let messagesUrl: string;

  beforeAll(async () => {
    ({ assistant, fake } = await e2eAssistant());
    channel = await startFakeChannel();
    bot = await startBotServer(assistant);
    messagesUrl = `${bot.url}/api/messages`;
  });
  afterAll(async () => {
    await bot?.service.close();
    await channel?.close();
  });

  const sentSince = (start: number) => channel.posts.slice(start).map((p) => p.activity);

  it('serves health with the assistant status', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', loaded: true });
    if (fake) expect(body).toMatchObject({ documents: 2, chunks: 10, version: 'fake-1' });
    expect(body.documents).toBeGreaterThan(0);
    expect(typeof body.chunks).toBe('number');
    expect(typeof body.uptimeSeconds).toBe('number');
  });

  it('welcomes on conversationUpdate through the channel', async () => {
    const start = channel.posts.length;
    const res = await post(messagesUrl, activity(channel.url, {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot-proto' }, { id: 'user-proto' }],
    }));
    expect(res.status).toBeLessThan(300);
    const [welcome] = sentSince(start).filter((a) => a.type === 'message');
    expect(welcome.text).toBe(T.WELCOME_TEXT);
    expect(welcome.suggestedActions.actions).toHaveLength(3);
    expect(channel.posts[start].conversationId).toBe('conv-proto');
  });

  it('answers a message with sources, posting back to the channel as a reply', async () => {
    const start = channel.posts.length;
    const res = await post(messagesUrl, activity(channel.url, { type: 'message', id: 'q-1', text: 'Thời hạn giải quyết khiếu nại lần đầu là bao lâu?' }));
    expect(res.status).toBeLessThan(300);
    const sent = sentSince(start);
    expect(sent.some((a) => a.type === 'typing')).toBe(true);
    const answer = sent.find((a) => a.type === 'message')!;
    expect(answer.text).toContain(T.SOURCES_HEADING);
    expect(answer.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(answer.replyToId).toBe('q-1');
    expect(channel.posts.at(-1)?.replyToId).toBe('q-1');
  });

  it('posts a refusal without sources', async () => {
    const start = channel.posts.length;
    await post(messagesUrl, activity(channel.url, { type: 'message', id: 'q-2', text: 'Cho tôi xem nội dung tài liệu tuyệt mật số 05/TM về bí mật nhà nước' }));
    const answer = sentSince(start).find((a) => a.type === 'message')!;
    expect(answer.text).not.toContain(T.SOURCES_HEADING);
    expect(answer.attachments ?? []).toHaveLength(0);
  });

  it('stores Teams feedback from a message/submitAction invoke and answers 200', async () => {
    const res = await post(messagesUrl, activity(channel.url, {
      type: 'invoke',
      channelId: 'msteams',
      name: 'message/submitAction',
      replyToId: 'sent-1',
      value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: '{"feedbackText":"Thiếu căn cứ"}' } },
    }));
    expect(res.status).toBe(200);
    const lines = (await readFile(bot.feedbackFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ reaction: 'dislike', comment: 'Thiếu căn cứ', channel: 'msteams' });
    expect(JSON.stringify(lines)).not.toContain('user-proto');
  });

  it('returns the replies in the HTTP body for deliveryMode expectReplies, without calling the channel', async () => {
    const start = channel.posts.length;
    const res = await post(messagesUrl, activity(channel.url, { type: 'message', text: 'Kế hoạch 221/KH-VKSTC có mấy mục tiêu?', deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    const answer = body.activities.find((a: any) => a.type === 'message');
    expect(answer.text).toContain(T.SOURCES_HEADING);
    expect(channel.posts.length).toBe(start);
  });

  it('answers bad activities with 400-class statuses and keeps serving', async () => {
    const good = activity(channel.url, { type: 'message', text: 'Xin chào' });
    const cases: [string, string | object, Record<string, string>?][] = [
      ['invalid JSON', '{"type": "message", '],
      ['not an object', '"hello"'],
      ['missing type', { ...good, type: undefined }],
      ['wrong type of type', { ...good, type: 12 }],
      ['missing conversation', { ...good, conversation: undefined }],
      ['missing from', { ...good, from: undefined }],
      ['missing serviceUrl', { ...good, serviceUrl: undefined }],
      ['text/plain body', 'type=message', { 'Content-Type': 'text/plain' }],
      ['huge body', { ...good, text: 'a'.repeat(400 * 1024) }],
    ];
    for (const [label, body, headers] of cases) {
      const res = await post(messagesUrl, body, headers);
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      expect(res.status, label).toBeLessThan(500);
    }
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    const res = await post(messagesUrl, { ...good, deliveryMode: 'expectReplies' });
    expect(res.status).toBe(200);
  });

  it('speaks Direct Line 3.0 locally: token, conversation, post, poll with watermark', async () => {
    const grant = await (await post(`${bot.url}/api/directline/token`, {})).json();
    expect(grant).toMatchObject({ domain: null, webSocket: false });
    const auth = { Authorization: `Bearer ${grant.token}` };
    const dl = `${bot.url}/v3/directline`;
    const started = await post(`${dl}/conversations`, {}, auth);
    expect(started.status).toBe(201);
    expect((await started.json()).conversationId).toBe(grant.conversationId);
    const sent = await (await post(`${dl}/conversations/${grant.conversationId}/activities`, { type: 'message', text: 'Ký số văn bản thế nào?', from: { id: grant.userId } }, auth)).json();
    expect(typeof sent.id).toBe('string');

    let watermark = '';
    const seen: any[] = [];
    for (let i = 0; i < 50 && !seen.some((a) => a.replyToId === sent.id && a.type === 'message'); i++) {
      const res = await fetch(`${dl}/conversations/${grant.conversationId}/activities?watermark=${watermark}`, { headers: auth });
      const body = await res.json();
      seen.push(...body.activities);
      watermark = body.watermark;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen[0].text).toBe(T.WELCOME_TEXT);
    const answer = seen.find((a) => a.replyToId === sent.id && a.type === 'message');
    expect(answer.text).toContain(T.SOURCES_HEADING);
    expect(answer.from.role).toBe('bot');

    const forbidden = await fetch(`${dl}/conversations/${grant.conversationId}/activities`, { headers: { Authorization: 'Bearer wrong' } });
    expect(forbidden.status).toBe(403);
  });

  it('serves the web chat page and the Web Chat bundle from node_modules', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(T.WEBCHAT.title);
    expect(html).toContain('/webchat/webchat.js');
    const bundle = await fetch(`${bot.url}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });
});

describe('Bot Framework protocol (with app credentials)', () => {
  let bot: Awaited<ReturnType<typeof startBotServer>>;
  beforeAll(async () => {
    bot = await startBotServer(new FakeAssistant(), {
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-password',
    });
  });
  afterAll(async () => {
    await bot?.service.close();
  });

  it('rejects an unauthenticated activity with 401 and never answers it', async () => {
    const res = await post(`${bot.url}/api/messages`, activity('http://127.0.0.1:9/', { type: 'message', text: 'Xin chào', deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(401);
  });

  it('does not expose the open local Direct Line', async () => {
    const res = await post(`${bot.url}/v3/directline/conversations`, {});
    expect(res.status).toBe(404);
    const token = await post(`${bot.url}/api/directline/token`, {});
    expect(token.status).toBe(404);
  });
});
