/**
 * What a file is, from its first bytes: a workbook (zip: .xlsx; OLE: legacy .xls), text in UTF-8, GB18030 or
 * UTF-16 (with or without a byte-order mark, as Excel's "Unicode 文本" saves), or binary data of some known kind.
 */

export type Sniffed =
  | { kind: 'zip' }
  | { kind: 'xls' }
  | { kind: 'binary'; what: { zh: string; en: string } }
  | { kind: 'text'; utf16?: 'le' | 'be' };

const MAGIC: Array<[number[], { zh: string; en: string }]> = [
  [[0x25, 0x50, 0x44, 0x46], { zh: ' PDF 文档', en: 'a PDF document' }],
  [[0x1f, 0x8b], { zh: ' gzip 压缩文件', en: 'a gzip archive' }],
  [[0x37, 0x7a, 0xbc, 0xaf], { zh: ' 7z 压缩文件', en: 'a 7z archive' }],
  [[0x52, 0x61, 0x72, 0x21], { zh: ' RAR 压缩文件', en: 'a RAR archive' }],
  [[0x89, 0x50, 0x4e, 0x47], { zh: ' PNG 图片', en: 'a PNG image' }],
  [[0xff, 0xd8, 0xff], { zh: ' JPEG 图片', en: 'a JPEG image' }],
  [[0x7f, 0x45, 0x4c, 0x46], { zh: '可执行程序', en: 'an executable program' }],
];
const XLS = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const starts = (b: Uint8Array, m: readonly number[]) => b.length >= m.length && m.every((x, i) => b[i] === x);

export function sniff(b: Uint8Array): Sniffed {
  if (starts(b, ZIP) || starts(b, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (starts(b, XLS)) return { kind: 'xls' };
  if (starts(b, [0xff, 0xfe])) return { kind: 'text', utf16: 'le' };
  if (starts(b, [0xfe, 0xff])) return { kind: 'text', utf16: 'be' };
  for (const [m, what] of MAGIC) if (starts(b, m)) return { kind: 'binary', what };
  // a web page saved as .xls (what many systems export as "Excel"): not a table this reader reads
  const lead = Buffer.from(b.subarray(0, 512)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/^<!doctype html|^<html|^<\?xml[^>]*>\s*<html/.test(lead)) return { kind: 'binary', what: { zh: '网页（HTML），不是 Excel 工作簿：请在 Excel 或 WPS 中打开后“另存为”CSV 或 .xlsx', en: 'a web page (HTML), not an Excel workbook: open it in Excel or WPS and save it as CSV or .xlsx' } };
  const n = Math.min(b.length, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    } else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  // UTF-16 without a BOM: ASCII characters leave a zero byte in every other place
  const half = n / 2;
  if (n >= 4 && zeroOdd > half * 0.3 && zeroEven < half * 0.05) return { kind: 'text', utf16: 'le' };
  if (n >= 4 && zeroEven > half * 0.3 && zeroOdd < half * 0.05) return { kind: 'text', utf16: 'be' };
  // a NUL byte or two in text (an export's slip) costs their rows, not the file (row.ts): binary data has many
  if (zeroEven + zeroOdd > Math.max(2, n / 256) || control > n * 0.1) return { kind: 'binary', what: { zh: '二进制数据', en: 'binary data' } };
  return { kind: 'text' };
}

/** What a zip that is not a workbook looks like, for the message. */
export const ZIP_WHAT = { zh: ' zip 压缩文件（不是 .xlsx 工作簿）', en: 'a zip archive (not an .xlsx workbook)' };
