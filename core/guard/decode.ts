/**
 * Variants of a message that a reader could decode: base64 / hex payloads,
 * ROT13 and reversed text. The guard looks for plain markers inside them, so
 * "dOG7kWkgbeG6rXQ=" or "tậm iốt" are read as what they spell.
 */
import { unmask } from './normalize.js';
import { fold } from '../text.js';

const BASE64_TOKEN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;
const HEX_RUN = /\b(?:[0-9a-fA-F]{2}[\s:,-]?){6,}/g;

function printableShare(s: string): number {
  if (!s) return 0;
  let ok = 0;
  for (const ch of s) if (/[\p{L}\p{N}\p{P}\p{Zs}]/u.test(ch)) ok++;
  return ok / Array.from(s).length;
}

function decodedText(buf: Buffer): string | null {
  const text = buf.toString('utf8');
  return !text.includes('\ufffd') && printableShare(text) > 0.85 ? text : null;
}

/** Base64 and hex payloads found in the message, decoded when they read as text. */
export function decodedPayloads(message: string): string[] {
  const out: string[] = [];
  for (const m of message.matchAll(BASE64_TOKEN)) {
    const token = m[0];
    // Ordinary long words are letters only; a payload mixes case or carries digits/symbols.
    if (!/[0-9+/=]/.test(token) && !(/[a-z]/.test(token) && /[A-Z].*[A-Z]/.test(token))) continue;
    const text = decodedText(Buffer.from(token.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
    if (text && text.length >= 4) out.push(text);
  }
  for (const m of message.matchAll(HEX_RUN)) {
    const hex = m[0].replace(/[^0-9a-fA-F]/g, '');
    if (hex.length % 2) continue;
    const text = decodedText(Buffer.from(hex, 'hex'));
    if (text && text.length >= 4) out.push(text);
  }
  return out;
}

export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/**
 * Markers worth finding in text written backwards or in ROT13, as letters only:
 * word boundaries do not survive those tricks, so the markers are long enough
 * (six letters or more) not to turn up by chance.
 */
const HIDDEN_MARKERS = [
  'tuyetmat', 'toimat', 'bimatnhanuoc', 'chedomat', 'tailieumat', 'vanbanmat', 'hosomat', 'congvanmat',
  'topsecret', 'classified', 'confidential', 'statesecret', 'systemprompt', 'jailbreak',
  'ignoreallpreviousinstructions', 'ignorepreviousinstructions', 'boquamoihuongdan', 'boquatatcahuongdan',
];
const reverse = (s: string) => Array.from(s).reverse().join('');
const HIDDEN = new RegExp([...HIDDEN_MARKERS.map(reverse), ...HIDDEN_MARKERS.map(rot13)].join('|'));

/** True when the message spells a marker backwards or in ROT13. */
export function hidesMarker(message: string): boolean {
  return HIDDEN.test(fold(unmask(message)).replace(/[^a-z]/g, ''));
}
