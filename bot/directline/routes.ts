/** HTTP face of the local Direct Line 3.0 and of the page's token endpoint. */
import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { DirectLineError, type LocalDirectLine } from './local.js';
import { DirectLineTokenError, type TokenSource } from './token.js';

export const DIRECTLINE_BASE = '/v3/directline';

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function sendError(res: Response, error: unknown): void {
  if (error instanceof DirectLineError) {
    res.send(error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  throw error;
}

export interface DirectLineRouteOptions {
  /** Allow POST /conversations without a token (local development only). */
  open: boolean;
}

export function mountLocalDirectLine(server: Server, dl: LocalDirectLine, { open }: DirectLineRouteOptions): void {
  const requireToken = (req: Request): string => {
    const token = bearer(req);
    if (!token) throw new DirectLineError(403, 'MissingToken', 'Authorization: Bearer <token> is required');
    return token;
  };
  const route = (handler: (req: Request, res: Response) => void) => async (req: Request, res: Response) => {
    try {
      handler(req, res);
    } catch (error) {
      sendError(res, error);
    }
  };
  const body = (req: Request): Record<string, unknown> | undefined =>
    req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : undefined;

  server.post(`${DIRECTLINE_BASE}/tokens/generate`, route((req, res) => {
    if (!open) requireToken(req);
    const user = body(req)?.user as { id?: unknown } | undefined;
    res.send(200, dl.generateToken(typeof user?.id === 'string' ? user.id : undefined));
  }));

  server.post(`${DIRECTLINE_BASE}/tokens/refresh`, route((req, res) => {
    res.send(200, dl.refreshToken(requireToken(req)));
  }));

  server.post(`${DIRECTLINE_BASE}/conversations`, route((req, res) => {
    const token = bearer(req);
    if (!token && !open) throw new DirectLineError(403, 'MissingToken', 'Authorization: Bearer <token> is required');
    const user = body(req)?.user as { id?: unknown } | undefined;
    res.send(201, dl.startConversation(token, typeof user?.id === 'string' ? user.id : undefined));
  }));

  server.get(`${DIRECTLINE_BASE}/conversations/:conversationId`, route((req, res) => {
    res.send(200, dl.reconnect(requireToken(req), req.params.conversationId));
  }));

  server.post(`${DIRECTLINE_BASE}/conversations/:conversationId/activities`, route((req, res) => {
    res.send(200, dl.postActivity(requireToken(req), req.params.conversationId, req.body));
  }));

  server.get(`${DIRECTLINE_BASE}/conversations/:conversationId/activities`, route((req, res) => {
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    res.send(200, dl.getActivities(requireToken(req), req.params.conversationId, watermark));
  }));

  server.post(`${DIRECTLINE_BASE}/conversations/:conversationId/upload`, route(() => {
    throw new DirectLineError(400, 'BadArgument', 'attachments are not supported by this bot');
  }));
}

/** POST /api/directline/token: what the web chat page calls first. */
export function mountTokenEndpoint(server: Server, source: TokenSource | undefined, logger: Logger): void {
  server.post('/api/directline/token', async (_req: Request, res: Response) => {
    if (!source) {
      res.send(404, { error: 'Direct Line is not enabled on this server' });
      return;
    }
    try {
      res.header('Cache-Control', 'no-store');
      res.send(200, await source.issue());
    } catch (error) {
      if (!(error instanceof DirectLineTokenError)) throw error;
      logger.error({ err: error, upstream: error.upstreamStatus }, 'direct line token exchange failed');
      res.send(502, { error: 'Could not obtain a Direct Line token' });
    }
  });
}
