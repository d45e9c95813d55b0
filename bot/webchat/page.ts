/**
 * The web chat page and its static assets. The Web Chat UMD bundle is served
 * from node_modules so the page works with no CDN and no internet.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEBCHAT } from '../../prompts/bot.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The UMD bundle (window.WebChat) inside botframework-webchat; its CommonJS entry is lib/index.js. */
export function webchatBundlePath(): string {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  return join(dirname(entry), '..', 'dist', 'webchat.js');
}

export const APP_SCRIPT_PATH = join(here, 'app.js');

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** JSON inside <script> must not be able to close the tag. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function renderPage(texts: typeof WEBCHAT = WEBCHAT): string {
  const config = { placeholder: texts.placeholder, connectError: texts.connectError, userName: texts.userName };
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(texts.title)}</title>
<style>
  html, body { height: 100%; margin: 0; font-family: 'Segoe UI', 'Noto Sans', Roboto, Arial, sans-serif; background: #f4f1ec; }
  body { display: flex; flex-direction: column; }
  header { background: #a50e0e; color: #fff; padding: 12px 20px; border-bottom: 4px solid #f2c200; }
  header h1 { margin: 0; font-size: 1.25rem; }
  header p { margin: 4px 0 0; font-size: 0.9rem; opacity: 0.9; }
  .notice { background: #fff8e1; color: #5d4200; font-size: 0.85rem; padding: 6px 20px; border-bottom: 1px solid #f2e2a0; }
  #vks-status { color: #a50e0e; padding: 8px 20px; }
  main { flex: 1; min-height: 0; display: flex; justify-content: center; }
  #webchat { width: 100%; max-width: 960px; height: 100%; background: #fff; box-shadow: 0 0 8px rgba(0,0,0,0.08); }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(texts.title)}</h1>
  <p>${escapeHtml(texts.subtitle)}</p>
</header>
<div class="notice" role="note">${escapeHtml(texts.notice)}</div>
<div id="vks-status" role="alert" hidden></div>
<main><div id="webchat" role="main"></div></main>
<script id="vks-config" type="application/json">${scriptJson(config)}</script>
<script src="/webchat/webchat.js"></script>
<script src="/webchat/app.js"></script>
</body>
</html>
`;
}

/** Assets are read once and kept: the bundle is large and never changes while running. */
export function assetLoader() {
  const cache = new Map<string, Promise<Buffer>>();
  return (path: string): Promise<Buffer> => {
    let pending = cache.get(path);
    if (!pending) {
      pending = readFile(path);
      pending.catch(() => cache.delete(path));
      cache.set(path, pending);
    }
    return pending;
  };
}
