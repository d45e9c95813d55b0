/**
 * The framework's own ceiling: a bare echo bot on the same stack as the service
 * (restify, body parser, CloudAdapter without credentials, an ActivityHandler),
 * no assistant behind it. Run as a child: prints its URL, serves until killed.
 */
import restify, { type Request, type Response } from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { fileURLToPath } from 'node:url';
import { answerHeapProbes, reportResult } from './lib/child.js';

export function createEchoServer(): restify.Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return server;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = createEchoServer();
  server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    answerHeapProbes();
    reportResult({ url: `http://127.0.0.1:${a.port}`, pid: process.pid });
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}
