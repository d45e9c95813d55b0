import { describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../bot/client-reuse.js';

const activity = (serviceUrl: string): Activity =>
  ({ type: 'message', channelId: 'webchat', serviceUrl, conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }) as Activity;

/** What CloudAdapter does on every turn: authenticate, then ask for the two outbound clients. */
async function clientsOfTurn(auth: ReusingBotFrameworkAuthentication, serviceUrl: string) {
  const result = await auth.authenticateRequest(activity(serviceUrl), '');
  return {
    connector: await result.connectorFactory!.create(serviceUrl, result.audience),
    tokens: await auth.createUserTokenClient(result.claimsIdentity),
  };
}

describe('ReusingBotFrameworkAuthentication', () => {
  it('gives every turn to the same service URL the same connector and token clients', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const a = await clientsOfTurn(auth, 'https://smba.example/one/');
    const b = await clientsOfTurn(auth, 'https://smba.example/one/');
    expect(b.connector).toBe(a.connector);
    expect(b.tokens).toBe(a.tokens);
    expect((a.connector as unknown as { baseUri: string }).baseUri).toBe('https://smba.example/one/');
  });

  it('keeps one connector per service URL, and a bounded number of them', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const first = await clientsOfTurn(auth, 'https://smba.example/0/');
    const other = await clientsOfTurn(auth, 'https://smba.example/other/');
    expect(other.connector).not.toBe(first.connector);
    // Without credentials callers choose the serviceUrl: many of them must not pin many clients.
    for (let i = 1; i <= 100; i++) await clientsOfTurn(auth, `https://smba.example/${i}/`);
    const again = await clientsOfTurn(auth, 'https://smba.example/0/');
    expect(again.connector).not.toBe(first.connector);
  });

  it('connector factories made outside a request (the local Direct Line) reuse the clients too', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    const { claimsIdentity } = await auth.authenticateRequest(activity('https://x.example/'), '');
    const f1 = auth.createConnectorFactory(claimsIdentity);
    const f2 = auth.createConnectorFactory(claimsIdentity);
    expect(await f2.create('https://x.example/', 'aud')).toBe(await f1.create('https://x.example/', 'aud'));
  });
});
