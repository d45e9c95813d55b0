/**
 * Administrator endpoints: start a background re-ingest, read its progress and
 * last report. Disabled unless ADMIN_TOKEN is set; the token is compared in
 * constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../core/config.js';
import type { ReingestController } from '../ingest/controller.js';
import type { FeedbackStore } from './feedback.js';
import { adminMessages } from '../prompts/admin.js';

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** 'ok', or the HTTP status that refuses the request. */
export function checkAdminToken(header: string | undefined, token: string | undefined): 'ok' | 401 | 403 | 404 {
  if (!token) return 404;
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return 401;
  // Hash both sides first: equal lengths for timingSafeEqual, nothing learnt from the length.
  return timingSafeEqual(digest(m[1].trim()), digest(token)) ? 'ok' : 403;
}

export function registerAdminRoutes(server: Server, opts: { cfg: Config; controller: ReingestController; feedback?: FeedbackStore }): void {
  const { cfg, controller, feedback } = opts;
  const guard = (req: Request, res: Response): boolean => {
    const verdict = checkAdminToken(req.header('authorization'), cfg.ADMIN_TOKEN);
    if (verdict === 'ok') return true;
    res.header('WWW-Authenticate', 'Bearer');
    const message = verdict === 404 ? adminMessages.disabled : verdict === 401 ? adminMessages.unauthenticated : adminMessages.forbidden;
    res.send(verdict, { error: message });
    return false;
  };

  server.post('/api/admin/reingest', async (req: Request, res: Response) => {
    if (!guard(req, res)) return;
    const { started } = await controller.start({ kind: 'admin-endpoint', who: 'admin-token' });
    if (!started) {
      res.send(409, { error: adminMessages.alreadyRunning, status: controller.status() });
      return;
    }
    res.send(202, { started: true, status: controller.status() });
  });

  server.get('/api/admin/ingest', async (req: Request, res: Response) => {
    if (!guard(req, res)) return;
    res.send(200, controller.status());
  });

  // 👍/👎 with question and answer ids (user ids hashed), for whoever reviews answer quality.
  server.get('/api/admin/feedback', async (req: Request, res: Response) => {
    if (!guard(req, res)) return;
    res.send(200, feedback ? await feedback.list() : []);
  });
}
