import iconv from 'iconv-lite';
import { MisposCodecError } from './codec-error';

/** Text as GBK bytes; refuses characters GBK has no code for instead of letting iconv write `?`. */
export function encodeGbk(field: string, text: string): Buffer {
  const bytes = iconv.encode(text, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== text) throw new MisposCodecError(field, 'contains characters GBK cannot encode');
  return bytes;
}

/** GBK bytes as text; refuses bytes that are not whole GBK characters (e.g. a lead byte cut from its trail byte). */
export function decodeGbk(field: string, bytes: Buffer): string {
  const text = iconv.decode(bytes, 'gbk');
  if (!iconv.encode(text, 'gbk').equals(bytes)) throw new MisposCodecError(field, 'is not valid GBK text');
  return text;
}

/** Control characters (C0 and DEL) other than those in `allowed`. */
export function hasControlCharacter(text: string, allowed = ''): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 || code === 0x7f) && !allowed.includes(char)) return true;
  }
  return false;
}
