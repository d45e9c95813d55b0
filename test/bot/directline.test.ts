import { describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { DirectLineError, LocalDirectLine, type Deliver } from '../../bot/directline/local.js';
import { DirectLineTokenError, remoteTokenSource } from '../../bot/directline/token.js';

/** A bot that echoes messages and greets on conversationUpdate. */
function echoDirectLine(options: { now?: () => number; maxActivities?: number } = {}) {
  const delivered: Activity[] = [];
  const deliver: Deliver = async (activity, onReplies) => {
    delivered.push(activity);
    if (activity.type === 'conversationUpdate') onReplies([{ type: 'message', text: 'chào' }]);
    if (activity.type === 'message') {
      onReplies([{ type: 'typing' }]);
      onReplies([{ type: 'message', text: `echo: ${activity.text}`, replyToId: activity.id }, { type: 'invokeResponse' }]);
    }
  };
  const dl = new LocalDirectLine({ deliver, botId: 'bot', botName: 'Bot', ...options });
  return { dl, delivered };
}

const expectDlError = (fn: () => unknown, status: number) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DirectLineError);
    expect((err as DirectLineError).status).toBe(status);
    return;
  }
  throw new Error('expected a DirectLineError');
};

describe('LocalDirectLine', () => {
  it('starts the token-bound conversation once, greets, and delivers messages with expectReplies', async () => {
    const { dl, delivered } = echoDirectLine();
    const { token, conversationId, userId } = dl.generateToken();
    expect(dl.startConversation(token)).toMatchObject({ conversationId, token });
    dl.startConversation(token); // Web Chat may reconnect: no second greeting
    await dl.idle();
    const { id } = dl.postActivity(token, conversationId, {
      type: 'message',
      text: 'Xin chào',
      from: { id: 'someone-else' },
      channelData: { clientActivityID: 'c-1' },
    });
    await dl.idle();

    expect(delivered.map((a) => a.type)).toEqual(['conversationUpdate', 'message']);
    const message = delivered[1];
    expect(message).toMatchObject({ deliveryMode: 'expectReplies', from: { id: userId }, recipient: { id: 'bot' }, conversation: { id: conversationId } });

    const { activities, watermark } = dl.getActivities(token, conversationId);
    expect(activities.map((a) => [a.type, a.text])).toEqual([
      ['message', 'chào'],
      ['message', 'Xin chào'],
      ['typing', undefined],
      ['message', 'echo: Xin chào'],
    ]);
    // The echo of the user's own message keeps the client's id so Web Chat marks it sent.
    expect(activities[1]).toMatchObject({ id, from: { id: userId, role: 'user' }, channelData: { clientActivityID: 'c-1' } });
    expect(activities[3].from).toMatchObject({ id: 'bot', role: 'bot' });
    expect(new Set(activities.map((a) => a.id)).size).toBe(4);
    expect(watermark).toBe('4');
    expect(dl.getActivities(token, conversationId, watermark).activities).toEqual([]);
    expect(dl.getActivities(token, conversationId, '3').activities.map((a) => a.text)).toEqual(['echo: Xin chào']);
  });

  it('rejects a token for another conversation, an unknown token and an expired one with 403', () => {
    let now = 0;
    const { dl } = echoDirectLine({ now: () => now });
    const a = dl.generateToken();
    const b = dl.generateToken();
    expectDlError(() => dl.getActivities(a.token, b.conversationId), 403);
    expectDlError(() => dl.getActivities('nope', a.conversationId), 403);
    now += 3601 * 1000;
    expectDlError(() => dl.getActivities(a.token, a.conversationId), 403);
  });

  it('refreshes a token for the same conversation and retires the old one', () => {
    const { dl } = echoDirectLine();
    const first = dl.generateToken();
    const refreshed = dl.refreshToken(first.token);
    expect(refreshed.conversationId).toBe(first.conversationId);
    expect(refreshed.token).not.toBe(first.token);
    expect(dl.getActivities(refreshed.token, first.conversationId).activities).toEqual([]);
    expectDlError(() => dl.getActivities(first.token, first.conversationId), 403);
  });

  it('refuses unsupported activity types with 400', () => {
    const { dl } = echoDirectLine();
    const { token, conversationId } = dl.generateToken();
    expectDlError(() => dl.postActivity(token, conversationId, { type: 'invoke', name: 'x' }), 400);
    expectDlError(() => dl.postActivity(token, conversationId, 'text'), 400);
    expectDlError(() => dl.postActivity(token, conversationId, { type: 'message', text: 42 }), 400);
  });

  it('keeps watermarks absolute when old activities fall off', async () => {
    const { dl } = echoDirectLine({ maxActivities: 3 });
    const { token, conversationId } = dl.generateToken();
    for (let i = 0; i < 3; i++) {
      dl.postActivity(token, conversationId, { type: 'message', text: `m${i}` });
      await dl.idle();
    }
    const { activities, watermark } = dl.getActivities(token, conversationId);
    expect(watermark).toBe('9');
    expect(activities.map((a) => a.text)).toEqual(['m2', undefined, 'echo: m2']);
    expect(dl.getActivities(token, conversationId, '8').activities.map((a) => a.text)).toEqual(['echo: m2']);
  });
});

describe('remoteTokenSource', () => {
  it('exchanges the secret with Direct Line and never returns it', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ conversationId: 'conv-1', token: 'tok-1', expires_in: 1800 }), { status: 200 });
    }) as unknown as typeof fetch;
    const grant = await remoteTokenSource({ secret: 's3cret', fetch: fakeFetch }).issue();
    expect(calls[0].url).toBe('https://directline.botframework.com/v3/directline/tokens/generate');
    expect(calls[0].init.method).toBe('POST');
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer s3cret');
    const sentUser = JSON.parse(String(calls[0].init.body)).user.id as string;
    expect(grant).toMatchObject({ token: 'tok-1', conversationId: 'conv-1', expires_in: 1800, webSocket: true, userId: sentUser });
    expect(sentUser.startsWith('dl_')).toBe(true);
    expect(JSON.stringify(grant)).not.toContain('s3cret');
  });

  it('turns an upstream refusal or garbage into a DirectLineTokenError', async () => {
    const refusing = (async () => new Response('no', { status: 403 })) as unknown as typeof fetch;
    await expect(remoteTokenSource({ secret: 'x', fetch: refusing }).issue()).rejects.toMatchObject({ name: 'DirectLineTokenError', upstreamStatus: 403 });
    const garbage = (async () => new Response('{}', { status: 200 })) as unknown as typeof fetch;
    await expect(remoteTokenSource({ secret: 'x', fetch: garbage }).issue()).rejects.toBeInstanceOf(DirectLineTokenError);
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(remoteTokenSource({ secret: 'x', fetch: down }).issue()).rejects.toBeInstanceOf(DirectLineTokenError);
  });
});
