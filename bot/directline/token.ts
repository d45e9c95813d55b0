/**
 * Where the web chat page gets its Direct Line token: from the local Direct
 * Line, or (with DIRECTLINE_SECRET) by exchanging the secret with the real
 * Direct Line service so the secret never reaches the browser.
 */
import { randomBytes } from 'node:crypto';
import type { LocalDirectLine } from './local.js';

export interface PageToken {
  token: string;
  conversationId: string;
  expires_in: number;
  userId: string;
  /** Direct Line base URL for the page; null = this server's own /v3/directline. */
  domain: string | null;
  /** The local Direct Line only polls; the real one streams over a WebSocket. */
  webSocket: boolean;
}

export interface TokenSource {
  issue(): Promise<PageToken>;
}

export class DirectLineTokenError extends Error {
  constructor(
    message: string,
    public readonly upstreamStatus?: number,
  ) {
    super(message);
    this.name = 'DirectLineTokenError';
  }
}

export function localTokenSource(directLine: LocalDirectLine): TokenSource {
  return {
    async issue() {
      const grant = directLine.generateToken();
      return { ...grant, domain: null, webSocket: false };
    },
  };
}

export const DIRECTLINE_ENDPOINT = 'https://directline.botframework.com/v3/directline';

export interface RemoteTokenOptions {
  secret: string;
  fetch?: typeof fetch;
  /** Regional endpoints differ (e.g. europe.directline.botframework.com). */
  endpoint?: string;
  timeoutMs?: number;
}

export function remoteTokenSource({ secret, fetch: fetchFn = fetch, endpoint = DIRECTLINE_ENDPOINT, timeoutMs = 10_000 }: RemoteTokenOptions): TokenSource {
  return {
    async issue() {
      // Direct Line wants user ids that start with "dl_" when they are set by the token issuer.
      const userId = `dl_${randomBytes(12).toString('base64url')}`;
      let response: Response;
      try {
        response = await fetchFn(`${endpoint}/tokens/generate`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ user: { id: userId } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw new DirectLineTokenError(`Direct Line unreachable: ${(err as Error).message}`);
      }
      if (!response.ok) throw new DirectLineTokenError(`Direct Line refused the token request (${response.status})`, response.status);
      const body = (await response.json().catch(() => null)) as { token?: unknown; conversationId?: unknown; expires_in?: unknown } | null;
      if (!body || typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
        throw new DirectLineTokenError('Direct Line answered without a token');
      }
      return {
        token: body.token,
        conversationId: body.conversationId,
        expires_in: typeof body.expires_in === 'number' ? body.expires_in : 3600,
        userId,
        domain: endpoint,
        webSocket: true,
      };
    },
  };
}
