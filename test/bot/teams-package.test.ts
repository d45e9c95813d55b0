import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { buildManifest, buildPackage, TeamsPackageError, TEMPLATE_PATH } from '../../scripts/teams-package.js';

const BOT_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

describe('Teams app package', () => {
  it('refuses clearly without a valid MicrosoftAppId', async () => {
    const template = await readFile(TEMPLATE_PATH, 'utf8');
    expect(() => buildManifest(template, undefined)).toThrow(TeamsPackageError);
    expect(() => buildManifest(template, undefined)).toThrow(/MicrosoftAppId/);
    expect(() => buildManifest(template, 'not-a-guid')).toThrow(TeamsPackageError);
  });

  it('fills the bot id into a 1.17+ manifest with personal, team and groupChat scopes', async () => {
    const manifest = buildManifest(await readFile(TEMPLATE_PATH, 'utf8'), BOT_ID) as any;
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
  });

  it('zips the manifest with a 192×192 colour icon and a 32×32 transparent outline icon', async () => {
    const zip = await JSZip.loadAsync(await buildPackage(BOT_ID));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // Outline: only white or fully transparent pixels, and some of each.
    let white = 0;
    let clear = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) clear++;
      else if (r === 255 && g === 255 && b === 255) white++;
      else throw new Error(`outline pixel ${i / 4} is neither white nor transparent`);
    }
    expect(white).toBeGreaterThan(0);
    expect(clear).toBeGreaterThan(0);
  });
});
