/**
 * The write stage: where `batch` writes, every output through a Sink (src/io/sink.ts), which opens up front,
 * writes under a temporary name and renames when complete. The award table is a text stream (CSV, JSON, JSON
 * Lines, to a file or standard output) or an XLSX workbook through exceljs's streaming writer; the rejected-rows
 * report and the summary file are text.
 */
import { extname } from 'node:path';
import type { Lang } from '../domain/labels.js';
import type { Problem } from '../domain/problem.js';
import type { Sink } from '../io/sink.js';
import type { At } from '../io/stream.js';
import { csvLine, LONG_HEADER, UTF8_BOM } from '../render/csv.js';
import { t } from '../render/messages.js';
import { toJson } from '../render/output.js';
import { summaryCells, summaryJson, type RunInfo, type Summary } from '../render/summary.js';
import type { Layout, OutFormat, Pieces, XCell } from './types.js';
import { summaryCellsWithYears, yearJson, type YearTotals } from './year-totals.js';

/** A sheet of a workbook after the awards: the summary, how the run was made. */
export interface Sheet {
  name: string;
  rows: string[][];
}

export interface RowSink {
  /** Writes the output of a block. */
  write(p: Pieces): Promise<void>;
  /** Finishes the output; `extraSheet` is the summary sheet of a workbook, `runSheet` how the run was made. */
  close(extraSheet?: Sheet, runSheet?: Sheet): Promise<void>;
  /** Gives up: removes the temporary file. */
  abort(): Promise<void>;
}

/** Records as text, framed (`open`/`close`); with `leadingComma` each record comes as ",\n{…}" and the first comma is dropped (JSON arrays). */
export class TextOut implements RowSink {
  private first = true;
  private constructor(
    private readonly sink: Sink,
    private readonly frame: { open: string; close: string; leadingComma?: boolean },
  ) {}

  static async open(sink: Sink, frame: { open: string; close: string; leadingComma?: boolean }): Promise<TextOut> {
    await sink.write(frame.open);
    return new TextOut(sink, frame);
  }

  async write(p: Pieces): Promise<void> {
    if (p.text.length === 0) return;
    const text = this.frame.leadingComma && this.first ? p.text.slice(1) : p.text;
    this.first = false;
    await this.sink.write(text);
  }

  /** Writes whole records of text (the rejected-rows report). */
  writeText(text: string): Promise<void> {
    return this.write({ text, xrows: [] });
  }

  async close(): Promise<void> {
    await this.sink.write(this.frame.close);
    await this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}

interface ExcelWorksheet {
  columns: Array<{ header: string; key: string; width: number; style?: { numFmt?: string } }>;
  addRow(values: XCell[]): { commit(): void };
  commit(): void;
  views: unknown[];
}
interface ExcelWorkbookWriter {
  addWorksheet(name: string, options?: unknown): ExcelWorksheet;
  commit(): Promise<void>;
}

/** An XLSX workbook written row by row into the sink's stream (exceljs streaming writer, loaded only here). */
export class XlsxOut implements RowSink {
  private constructor(
    private readonly sink: Sink,
    private readonly wb: ExcelWorkbookWriter,
    private readonly ws: ExcelWorksheet,
  ) {}

  /** `money` marks the columns that hold amounts in 元 (number format #,##0.00). */
  static async open(sink: Sink, sheet: string, header: readonly string[], money: (i: number) => boolean): Promise<XlsxOut> {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink.stream, useStyles: true, useSharedStrings: false }) as unknown as ExcelWorkbookWriter;
    const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = header.map((h, i) => ({ header: h, key: `c${i}`, width: Math.min(40, Math.max(10, h.length + 2)), ...(money(i) ? { style: { numFmt: '#,##0.00' } } : {}) }));
    return new XlsxOut(sink, wb, ws);
  }

  async write(p: Pieces): Promise<void> {
    for (const row of p.xrows) this.ws.addRow(row).commit();
  }

  async close(extraSheet?: Sheet, runSheet?: Sheet): Promise<void> {
    this.ws.commit();
    if (extraSheet) {
      const [head, ...body] = extraSheet.rows;
      const ss = this.wb.addWorksheet(extraSheet.name);
      ss.columns = head!.map((h, i) => ({ header: h, key: `c${i}`, width: i === 1 ? 40 : 16, ...(i === 4 ? { style: { numFmt: '#,##0.00' } } : {}) }));
      for (const r of body) ss.addRow(r.map((c, i) => (i >= 3 && c !== '' ? Number(c) : c))).commit();
      ss.commit();
    }
    if (runSheet) {
      const rs = this.wb.addWorksheet(runSheet.name);
      for (const r of runSheet.rows) rs.addRow(r).commit();
      rs.commit();
    }
    await this.wb.commit(); // ends the sink's stream
    await this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
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
      const money = layout === 'wide' ? (i: number) => i >= 3 && i < header.length - 1 : (i: number) => i === 10;
      return XlsxOut.open(sink, lang === 'zh' ? '奖励' : 'awards', header, money);
    }
  }
}

export type RejectsKind = 'csv' | 'json' | 'jsonl';

/** The rejected-rows report's format: CSV (with BOM) unless the name ends in .json or .jsonl. */
export function rejectsKind(file: string): RejectsKind {
  const ext = extname(file).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : 'csv';
}

/** The rejected-rows report: every rejected record with its file, row (or index), id as written and every error. */
export class RejectsOut {
  private constructor(
    private readonly out: TextOut,
    private readonly kind: RejectsKind,
    private readonly lang: Lang,
  ) {}

  static async open(sink: Sink, lang: Lang): Promise<RejectsOut> {
    const kind = rejectsKind(sink.path ?? '');
    const out = await TextOut.open(
      sink,
      kind === 'csv' ? { open: UTF8_BOM + csvLine(['file', 'row', 'index', 'id', 'problems']), close: '' } : kind === 'json' ? { open: '[', close: '\n]\n', leadingComma: true } : { open: '', close: '' },
    );
    return new RejectsOut(out, kind, lang);
  }

  add(file: string, at: At, id: string | null, problems: Problem[]): Promise<void> {
    return this.out.writeText(rejectLine(this.kind, file, at, id, problems, this.lang));
  }

  close(): Promise<void> {
    return this.out.close();
  }

  abort(): Promise<void> {
    return this.out.abort();
  }
}

/** One line of the rejected-rows report: where the record is, its id as written, and every error. */
function rejectLine(kind: RejectsKind, file: string, at: At, id: string | null, problems: Problem[], lang: Lang): string {
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

/** --summary FILE: JSON if the name ends in .json (with the run information), else CSV with BOM. */
export async function writeSummaryFile(sink: Sink, s: Summary, lang: Lang, info: RunInfo, years: YearTotals): Promise<void> {
  const json = /\.json$/i.test(sink.path ?? '');
  const text = json ? toJson({ ...(summaryJson(s, info) as object), ...yearJson(years) }) + '\n' : UTF8_BOM + summaryCellsWithYears(summaryCells(s, lang), years, lang).map(csvLine).join('');
  await sink.write(text);
  await sink.close();
}
