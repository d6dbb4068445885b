/**
 * The write stage: where `batch` writes, every output through a Sink (src/io/sink.ts), which opens up front,
 * writes under a temporary name and renames when complete. The award table is a text stream (CSV, JSON, JSON
 * Lines, to a file or standard output) or an XLSX workbook (src/io/xlsx-write.ts); the rejected-rows report and
 * the summary file are text or workbooks.
 */
import { extname } from 'node:path';
import type { Lang } from '../domain/labels.js';
import { fenNumber } from '../domain/money.js';
import type { Problem } from '../domain/problem.js';
import { fileError, forgetTemporary, removeOnExit, type Sink } from '../io/sink.js';
import type { At } from '../io/stream.js';
import { csvLine, LONG_HEADER, UTF8_BOM } from '../render/csv.js';
import { t } from '../render/messages.js';
import { toJson } from '../render/output.js';
import { runInfoCells, summaryCells, summaryJson, type RunInfo, type Summary } from '../render/summary.js';
import { rm } from 'node:fs/promises';
import type { Cell, ColumnKind, SheetSpec, SheetWriter, XlsxWriter } from '../io/xlsx-write.js';
import type { Layout, OutFormat, Pieces } from './types.js';
import { summaryCellsWithYears, yearJson, type YearTotals } from './year-totals.js';

/** A sheet of a workbook after the awards: the summary, how the run was made. */
export interface Sheet {
  name: string;
  rows: string[][];
}

export interface RowSink {
  /** Writes the output of a block. */
  write(p: Pieces): Promise<void>;
  /** A rejected record, for outputs that show them (a workbook's rejected-rows sheet). */
  reject?(file: string, at: At, id: string | null, problems: Problem[]): Promise<void>;
  /** Finishes the output; `extraSheet` is the summary sheet of a workbook, `runSheet` how the run was made. */
  close(extraSheet?: Sheet, runSheet?: Sheet): Promise<void>;
  /** Gives up: removes the temporary file. */
  abort(): Promise<void>;
}

/** Records as text, framed (`open`/`close`); with `leadingComma` each record comes as ",\n{…}" and the first comma is dropped (JSON arrays). */
export class TextOut implements RowSink {
  private first = true;
  /** The opening frame is written with the first record or at the end, so a run that reads nothing writes nothing. */
  private opened = false;
  private constructor(
    private readonly sink: Sink,
    private readonly frame: { open: string; close: string; leadingComma?: boolean },
  ) {}

  static async open(sink: Sink, frame: { open: string; close: string; leadingComma?: boolean }): Promise<TextOut> {
    return new TextOut(sink, frame);
  }

  private async begin(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    await this.sink.write(this.frame.open);
  }

  async write(p: Pieces): Promise<void> {
    const data = p.bytes ?? p.text ?? '';
    if (data.length === 0) return;
    await this.begin();
    // the leading comma is one character, and one byte
    const first = this.frame.leadingComma && this.first;
    this.first = false;
    await this.sink.write(!first ? data : typeof data === 'string' ? data.slice(1) : data.subarray(1));
  }

  /** Writes whole records of text (the rejected-rows report). */
  writeText(text: string): Promise<void> {
    return this.write({ text, xrows: [] });
  }

  async close(): Promise<void> {
    await this.begin();
    // an empty JSON array is "[]"
    await this.sink.write(this.first && this.frame.leadingComma ? this.frame.close.trimStart() : this.frame.close);
    await this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}

/** The sheets of a workbook (src/io/xlsx-write.ts, loaded only when a workbook is written). */
type XlsxModule = typeof import('../io/xlsx-write.js');
const xlsxModule = (): Promise<XlsxModule> => import('../io/xlsx-write.js');

/** A temporary file for a sheet that fills while another is written (removed at close or abort). */
async function sideFile(name: string): Promise<{ file: string; dir: string }> {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'gz-awards-'));
  removeOnExit(dir); // a signal or an exit before close or abort removes it too (issue 34)
  return { file: join(dir, name), dir };
}

/** A workbook's writing for an output: a failure of the file system is that output's (FileError: one message, exit 2). */
async function onOutput<T>(path: string | null, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    throw fileError(err, path);
  }
}

/** Removes a side sheet's folder, and forgets it among what an exit removes. */
async function removeSide(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  forgetTemporary(dir);
}

const REJECTS_HEADER = ['file', 'row', 'index', 'id', 'problems'];
const REJECTS_KINDS: ColumnKind[] = ['text', 'integer', 'integer', 'text', 'text'];

/** The rejected-rows sheet's name. */
const rejectsSheetName = (lang: Lang) => (lang === 'zh' ? '被拒记录' : 'rejected');

/** A rejected record as cells of the rejects sheet. */
function rejectCells(file: string, at: At, id: string | null, problems: Problem[], lang: Lang): Cell[] {
  const text = problems.filter((p) => p.severity === 'error').map((p) => problemText(p, lang)).join(' | ');
  return [file, at.row ?? null, at.index ?? null, id ?? '', text];
}

/**
 * The summary sheet, from the summary's cells (district, measure id, kind, enterprises, cash, payment year,
 * performance year, deduction, title): the measure by its title, the cash ceiling and the deduction base side by
 * side (never one column), the years, and the measure's id last, for lookups. Counts are numbers, amounts in fen.
 */
const SHEET_ORDER = [0, 8, 2, 3, 4, 7, 5, 6, 1];
const SHEET_KINDS: ColumnKind[] = ['text', 'text', 'text', 'integer', 'money', 'money', 'integer', 'integer', 'text'];
function summarySheet(lang: Lang, rows: string[][]): { spec: SheetSpec; rows: Cell[][] } {
  const [head, ...body] = rows.map((r) => SHEET_ORDER.map((i) => r[i] ?? ''));
  const names = lang === 'zh' ? { 8: '措施编号' } : { 8: 'Measure id' };
  return {
    spec: { name: lang === 'zh' ? '汇总' : 'summary', columns: head!.map((h, i) => ({ header: i === 1 ? rows[0]![1]! : i === 8 ? names[8] : h, kind: SHEET_KINDS[i]! })), freezeColumns: 2 },
    rows: body.map((r) => r.map((c, i) => (c === '' ? null : SHEET_KINDS[i] === 'money' ? fenOf(c) : SHEET_KINDS[i] === 'integer' ? Number(c) : c))),
  };
}

/** How the run was made, as a two-column sheet (what, and its value). */
function runSheet(s: Sheet, lang: Lang): { spec: SheetSpec; rows: Cell[][] } {
  const head = lang === 'zh' ? ['项目', '内容'] : ['item', 'value'];
  return { spec: { name: s.name, columns: head.map((header) => ({ header, kind: 'text' as const })) }, rows: s.rows };
}

/** "1234.50" → 123450 fen (exact; a bigint beyond 2^53). */
export function fenOf(yuan: string): number | bigint {
  const neg = yuan.startsWith('-');
  const [i = '0', f = ''] = (neg ? yuan.slice(1) : yuan).split('.');
  return fenNumber(BigInt(i + (f + '00').slice(0, 2)) * (neg ? -1n : 1n));
}

/**
 * The award table as a workbook (src/io/xlsx-write.ts): the awards, then the summary, the rejected rows (filled
 * as the run goes, kept aside until the end) and how the run was made, each a sheet. A sheet holds at most
 * 1,048,576 rows; the awards go on in further sheets ("奖励 2", …) beyond.
 */
export class XlsxOut implements RowSink {
  private rejected: SheetWriter | null = null;
  private count = 0;
  private part = 1;
  private constructor(
    private readonly sink: Sink,
    private readonly x: XlsxModule,
    private readonly wb: XlsxWriter,
    private ws: SheetWriter,
    private readonly spec: SheetSpec,
    private readonly lang: Lang,
    private readonly side: { file: string; dir: string },
  ) {}

  static async open(sink: Sink, spec: SheetSpec, lang: Lang): Promise<XlsxOut> {
    const x = await xlsxModule();
    const wb = new x.XlsxWriter(sink.stream);
    const ws = await wb.sheet(spec);
    return new XlsxOut(sink, x, wb, ws, spec, lang, await sideFile('rejected.xml.deflate'));
  }

  write(p: Pieces): Promise<void> {
    return onOutput(this.sink.path, () => this.writeRows(p));
  }

  private async writeRows(p: Pieces): Promise<void> {
    const room = this.x.MAX_SHEET_ROWS - 2; // the header and the totals row
    let rows = p.xrows;
    while (this.count + rows.length > room) {
      const fit = room - this.count;
      await this.ws.add(rows.slice(0, fit));
      rows = rows.slice(fit);
      await this.wb.endSheet(this.ws);
      this.ws = await this.wb.sheet({ ...this.spec, name: `${this.spec.name} ${++this.part}` });
      this.count = 0;
    }
    this.count += rows.length;
    await this.ws.add(rows);
  }

  reject(file: string, at: At, id: string | null, problems: Problem[]): Promise<void> {
    return onOutput(this.sink.path, () => this.rejectRow(file, at, id, problems));
  }

  private async rejectRow(file: string, at: At, id: string | null, problems: Problem[]): Promise<void> {
    this.rejected ??= this.wb.sideSheet({ name: rejectsSheetName(this.lang), columns: REJECTS_HEADER.map((h, i) => ({ header: h, kind: REJECTS_KINDS[i]! })) }, this.side.file);
    await this.rejected.add([rejectCells(file, at, id, problems, this.lang)]);
  }

  close(extraSheet?: Sheet, run?: Sheet): Promise<void> {
    return onOutput(this.sink.path, () => this.closeSheets(extraSheet, run));
  }

  private async closeSheets(extraSheet?: Sheet, run?: Sheet): Promise<void> {
    await this.wb.endSheet(this.ws);
    for (const sheet of [extraSheet ? summarySheet(this.lang, extraSheet.rows) : null, run ? runSheet(run, this.lang) : null]) {
      if (!sheet) continue;
      const w = await this.wb.sheet(sheet.spec);
      await w.add(sheet.rows);
      await this.wb.endSheet(w);
    }
    // the rejected rows (if any) come after the awards, the summary and the run: side sheets close last
    try {
      await this.wb.close();
    } finally {
      await removeSide(this.side.dir);
    }
    await this.sink.close();
  }

  async abort(): Promise<void> {
    await this.wb.abort();
    await removeSide(this.side.dir);
    await this.sink.abort();
  }
}

/** The award table in its format and layout. */
export async function openAwardTable(sink: Sink, format: OutFormat, layout: Layout, wideHeader: string[], lang: Lang): Promise<RowSink> {
  const header = layout === 'wide' ? wideHeader : [...LONG_HEADER];
  switch (format) {
    case 'csv':
      return TextOut.open(sink, { open: UTF8_BOM + csvLine(header), close: '' });
    case 'jsonl':
      return TextOut.open(sink, { open: '', close: '' });
    case 'json':
      return TextOut.open(sink, { open: '[', close: '\n]\n', leadingComma: true });
    case 'xlsx': {
      // wide: id, name, district as text, every amount and the total in fen, the other eligible results and the
      // results that need data as text;
      // long: LONG_HEADER's columns (years and tier numbers, the amount in fen). The long layout has no totals
      // row: a superseded result keeps its own amount, so a column sum would count it twice.
      const kinds: ColumnKind[] =
        layout === 'wide'
          ? header.map((_, i) => (i < 3 || i >= header.length - 2 ? 'text' : 'money'))
          : ['text', 'text', 'text', 'text', 'text', 'text', 'integer', 'integer', 'text', 'text', 'money', 'integer', 'text', 'text'];
      const spec: SheetSpec = {
        name: lang === 'zh' ? '奖励' : 'awards',
        columns: header.map((h, i) => ({ header: h, kind: kinds[i]! })),
        freezeColumns: 2,
        ...(layout === 'wide' ? { totals: { label: lang === 'zh' ? '合计' : 'total', labelColumn: 0 } } : {}),
      };
      return XlsxOut.open(sink, spec, lang);
    }
  }
}

export type RejectsKind = 'csv' | 'json' | 'jsonl' | 'xlsx';

/** The rejected-rows report's format: CSV (with BOM) unless the name ends in .json, .jsonl or .xlsx. */
export function rejectsKind(file: string): RejectsKind {
  const ext = extname(file).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : ext === '.xlsx' ? 'xlsx' : 'csv';
}

/** The rejected-rows report: every rejected record with its file, row (or index), id as written and every error. */
export class RejectsOut {
  private constructor(
    private readonly out: TextOut | { wb: XlsxWriter; ws: SheetWriter; sink: Sink },
    private readonly kind: RejectsKind,
    private readonly lang: Lang,
  ) {}

  static async open(sink: Sink, lang: Lang): Promise<RejectsOut> {
    const kind = rejectsKind(sink.path ?? '');
    if (kind === 'xlsx') {
      const wb = new (await xlsxModule()).XlsxWriter(sink.stream);
      const ws = await wb.sheet({ name: rejectsSheetName(lang), columns: REJECTS_HEADER.map((h, i) => ({ header: h, kind: REJECTS_KINDS[i]! })), freezeColumns: 0 });
      return new RejectsOut({ wb, ws, sink }, kind, lang);
    }
    const out = await TextOut.open(
      sink,
      kind === 'csv' ? { open: UTF8_BOM + csvLine(['file', 'row', 'index', 'id', 'problems']), close: '' } : kind === 'json' ? { open: '[', close: '\n]\n', leadingComma: true } : { open: '', close: '' },
    );
    return new RejectsOut(out, kind, lang);
  }

  add(file: string, at: At, id: string | null, problems: Problem[]): Promise<void> {
    if (this.out instanceof TextOut) return this.out.writeText(rejectLine(this.kind as Exclude<RejectsKind, 'xlsx'>, file, at, id, problems, this.lang));
    const { ws, sink } = this.out;
    return onOutput(sink.path, () => ws.add([rejectCells(file, at, id, problems, this.lang)]));
  }

  async close(): Promise<void> {
    if (this.out instanceof TextOut) return this.out.close();
    const { wb, ws, sink } = this.out;
    await onOutput(sink.path, async () => {
      await wb.endSheet(ws);
      await wb.close();
    });
    await sink.close();
  }

  async abort(): Promise<void> {
    if (this.out instanceof TextOut) return this.out.abort();
    await this.out.wb.abort();
    await this.out.sink.abort();
  }
}

/** One line of the rejected-rows report: where the record is, its id as written, and every error. */
function rejectLine(kind: Exclude<RejectsKind, 'xlsx'>, file: string, at: At, id: string | null, problems: Problem[], lang: Lang): string {
  const errors = problems.filter((p) => p.severity === 'error');
  if (kind !== 'csv') {
    const json = toJson({ file, ...at, id, problems: errors.map((p) => ({ path: p.path, key: p.expected.key, message: t(p.expected, lang), ...(p.received !== undefined ? { received: p.received } : {}) })) }, false);
    return kind === 'jsonl' ? json + '\n' : ',\n' + json;
  }
  const text = errors.map((p) => problemText(p, lang)).join(' | ');
  return csvLine([file, at.row === undefined ? '' : String(at.row), at.index === undefined ? '' : String(at.index), id ?? '', text]);
}

/** A problem without its file and row (the report has columns for those): "column: what was expected (found …)". */
function problemText(p: Problem, lang: Lang): string {
  const found = p.received === undefined ? '' : lang === 'zh' ? `（实为“${p.received}”）` : ` (found "${p.received}")`;
  return `${p.path ? p.path + (lang === 'zh' ? '：' : ': ') : ''}${t(p.expected, lang)}${found}`;
}

/**
 * --summary FILE: JSON if the name ends in .json (with the run information), a workbook if .xlsx (the summary and
 * the run information, each a sheet), else CSV with BOM.
 */
export async function writeSummaryFile(sink: Sink, s: Summary, lang: Lang, info: RunInfo, years: YearTotals): Promise<void> {
  if (/\.xlsx$/i.test(sink.path ?? '')) {
    const wb = new (await xlsxModule()).XlsxWriter(sink.stream);
    const info2 = runInfoCells(info, lang).slice(1);
    await onOutput(sink.path, async () => {
      for (const sheet of [summarySheet(lang, summaryCellsWithYears(summaryCells(s, lang), years, lang)), runSheet({ name: lang === 'zh' ? '运行信息' : 'run', rows: info2 }, lang)]) {
        const w = await wb.sheet(sheet.spec);
        await w.add(sheet.rows);
        await wb.endSheet(w);
      }
      await wb.close();
    });
    await sink.close();
    return;
  }
  const json = /\.json$/i.test(sink.path ?? '');
  const text = json ? toJson({ ...(summaryJson(s, info, lang) as object), ...yearJson(years) }) + '\n' : UTF8_BOM + summaryCellsWithYears(summaryCells(s, lang), years, lang).map(csvLine).join('');
  await sink.write(text);
  await sink.close();
}
