/**
 * Bytes → text: UTF-8 with or without BOM, or GB18030/GBK as Excel in China saves CSV (detected when the bytes
 * are not valid UTF-8, or chosen with --encoding). iconv-lite is loaded only when a file needs it.
 */

export type Encoding = 'auto' | 'utf8' | 'gb18030' | 'gbk' | 'utf16';

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === BOM[0] && buf[1] === BOM[1] && buf[2] === BOM[2];
}

/** Whether a sample of bytes is valid UTF-8 (a sample may end inside a character: that is allowed). */
export function looksUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Which encoding to read a file in, from its first bytes. */
export function detectEncoding(sample: Uint8Array, requested: Encoding = 'auto'): 'utf8' | 'gb18030' {
  if (requested === 'utf8') return 'utf8';
  if (requested === 'gb18030' || requested === 'gbk') return 'gb18030'; // GB18030 is a superset of GBK
  if (hasUtf8Bom(sample)) return 'utf8';
  return looksUtf8(sample) ? 'utf8' : 'gb18030';
}

export async function decode(buf: Uint8Array, requested: Encoding = 'auto'): Promise<{ text: string; encoding: 'utf8' | 'gb18030' }> {
  const encoding = detectEncoding(buf.subarray(0, 1 << 16), requested);
  if (encoding === 'utf8') {
    const body = hasUtf8Bom(buf) ? buf.subarray(3) : buf;
    return { text: new TextDecoder('utf-8').decode(body), encoding };
  }
  const iconv = (await import('iconv-lite')).default;
  return { text: iconv.decode(Buffer.from(buf), 'gb18030'), encoding };
}
