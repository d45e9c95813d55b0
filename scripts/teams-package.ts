/**
 * npm run teams:package — builds teams/vks-assistant.zip (manifest + icons) for
 * uploading the bot to Microsoft Teams. The bot id comes from MicrosoftAppId.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { loadConfig } from '../core/config.js';

const TEAMS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'teams');
export const TEMPLATE_PATH = join(TEAMS_DIR, 'manifest.json');
export const PACKAGE_PATH = join(TEAMS_DIR, 'vks-assistant.zip');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TeamsPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamsPackageError';
  }
}

export function buildManifest(template: string, botId: string | undefined, version?: string): Record<string, unknown> {
  if (!botId) {
    throw new TeamsPackageError('MicrosoftAppId chưa được đặt: cần id của Azure Bot (app registration) để tạo gói Teams.');
  }
  if (!GUID.test(botId)) throw new TeamsPackageError(`MicrosoftAppId "${botId}" không phải GUID hợp lệ.`);
  const manifest = JSON.parse(template.replaceAll('{{MICROSOFT_APP_ID}}', botId)) as Record<string, unknown>;
  if (version) manifest.version = version;
  if (JSON.stringify(manifest).includes('{{')) throw new TeamsPackageError('manifest.json còn placeholder chưa thay.');
  return manifest;
}

type Rgba = [number, number, number, number];

/** Is (x, y) inside a five-pointed star centred at (cx, cy)? Even-odd rule on the star polygon. */
function inStar(x: number, y: number, cx: number, cy: number, outer: number): boolean {
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function drawIcon(size: number, background: Rgba, star: Rgba): Buffer {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = inStar(x + 0.5, y + 0.5, c, c * 1.06, size * 0.42) ? star : background;
      png.data.set(colour, (y * size + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

/** 192×192 full-colour icon: a gold star on procuracy red. */
export const colorIcon = () => drawIcon(192, [0xa5, 0x0e, 0x0e, 255], [0xf2, 0xc2, 0x00, 255]);
/** 32×32 outline icon: Teams requires white on transparent. */
export const outlineIcon = () => drawIcon(32, [0, 0, 0, 0], [255, 255, 255, 255]);

export async function buildPackage(botId: string | undefined, template?: string): Promise<Buffer> {
  const manifest = buildManifest(template ?? (await readFile(TEMPLATE_PATH, 'utf8')), botId);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file('color.png', colorIcon());
  zip.file('outline.png', outlineIcon());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  try {
    await writeFile(PACKAGE_PATH, await buildPackage(cfg.MicrosoftAppId));
  } catch (err) {
    if (err instanceof TeamsPackageError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  console.log(`Đã tạo ${PACKAGE_PATH} (bot ${cfg.MicrosoftAppId})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
