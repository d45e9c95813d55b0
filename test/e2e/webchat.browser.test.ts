/**
 * The web chat page in a real headless Chromium: type a Vietnamese question,
 * wait for an answer that shows a source, save a screenshot.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { e2eAssistant, startBotServer } from './helpers.js';
import * as T from '../../prompts/bot.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = 'test-artifacts/webchat.png';

describe('web chat page in Chromium', () => {
  let bot: Awaited<ReturnType<typeof startBotServer>>;
  let browser: Browser | undefined;

  beforeAll(async () => {
    bot = await startBotServer((await e2eAssistant()).assistant);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.service.close();
  });

  it('answers a typed question with visible sources', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install the Debian package "chromium" (apt-get install chromium, or run scripts/test-setup.sh)`);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, locale: 'vi-VN' });
    const failures: string[] = [];
    page.on('pageerror', (err) => failures.push(err.message));
    // Everything must come from this server: no CDN, no internet.
    const foreign: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(bot.url) && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) foreign.push(req.url());
    });

    await page.goto(`${bot.url}/`);
    expect(await page.locator('header h1').innerText()).toBe(T.WEBCHAT.title);
    // The welcome shows the example questions.
    await page.getByText(T.EXAMPLE_QUESTIONS[0]).first().waitFor({ timeout: 30_000 });

    const input = page.getByPlaceholder(T.WEBCHAT.placeholder);
    await input.fill('Thời hạn giải quyết khiếu nại lần đầu là bao lâu?');
    await input.press('Enter');

    // An answer shows its sources twice: the "Nguồn:" list in the text and the card.
    await page.getByText(T.CARD_SOURCES_TITLE, { exact: true }).first().waitFor({ timeout: 60_000 });
    const transcript = await page.locator('#webchat').innerText();
    expect(transcript).toContain(T.SOURCES_HEADING);
    expect(transcript).toMatch(/\[1\] \S/);

    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(failures).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
