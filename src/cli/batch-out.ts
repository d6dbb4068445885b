/**
 * Where `batch` writes: a text stream (CSV, JSON, JSON Lines) to standard output or to a file, or an XLSX workbook
 * through exceljs's streaming writer. Files are written under a temporary name beside the target and renamed at
 * the end, so an interrupted run leaves no half file (the temporary one is removed on Ctrl-C).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { commitTemporary, dropTemporary, temporaryFor } from '../io/write-atomic.js';
import type { XCell } from './batch-core.js';

/** Output of a block: text, or rows of cells for XLSX. */
export interface Pieces {
  text: string;
  xrows: XCell[][];
}

export interface RowSink {
  /** Writes the output of a block. */
  write(p: Pieces): Promise<void>;
  /** Finishes the output; `extraSheet` is the summary sheet of a workbook, `runSheet` how the run was made. */
  close(extraSheet?: { name: string; rows: string[][] }, runSheet?: { name: string; rows: string[][] }): Promise<void>;
  /** Gives up: removes the temporary file. */
  abort(): Promise<void>;
}

/** Text to a file (through a temporary name) or to standard output, with back-pressure. */
export class TextSink implements RowSink {
  private readonly out: NodeJS.WritableStream;
  private readonly tmp: string | null;
  private first = true;

  /**
   * `open`/`close` frame the records; with `leadingComma` each record comes as ",\n{…}" and the first comma is
   * dropped (JSON arrays).
   */
  constructor(
    private readonly file: string | null,
    private readonly frame: { open: string; close: string; leadingComma?: boolean },
  ) {
    if (file) {
      this.tmp = temporaryFor(file);
      this.out = createWriteStream(this.tmp);
    } else {
      this.tmp = null;
      this.out = process.stdout;
    }
    if (frame.open) this.out.write(frame.open);
  }

  async write(p: Pieces): Promise<void> {
    if (p.text.length === 0) return;
    const text = this.frame.leadingComma && this.first ? p.text.slice(1) : p.text;
    this.first = false;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  /** Writes whole records of text (the rejected-rows report). */
  async writeText(text: string): Promise<void> {
    return this.write({ text, xrows: [] });
  }

  async close(): Promise<void> {
    const end = this.frame.close;
    if (this.tmp) {
      const ws = this.out as WriteStream;
      ws.end(end);
      await once(ws, 'finish');
      await commitTemporary(this.tmp, this.file!);
    } else {
      await new Promise<void>((resolve, reject) => process.stdout.write(end, (err) => (err ? reject(err) : resolve())));
    }
  }

  async abort(): Promise<void> {
    if (this.tmp) {
      (this.out as WriteStream).destroy();
      await dropTemporary(this.tmp);
    }
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

/** An XLSX workbook written row by row (exceljs streaming writer, loaded only here). */
export class XlsxSink implements RowSink {
  private constructor(
    private readonly file: string,
    private readonly tmp: string,
    private readonly wb: ExcelWorkbookWriter,
    private readonly ws: ExcelWorksheet,
  ) {}

  /** `money` marks the columns that hold amounts in 元 (number format #,##0.00). */
  static async open(file: string, sheet: string, header: readonly string[], money: (i: number) => boolean): Promise<XlsxSink> {
    const ExcelJS = (await import('exceljs')).default;
    const tmp = temporaryFor(file);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false }) as unknown as ExcelWorkbookWriter;
    const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = header.map((h, i) => ({ header: h, key: `c${i}`, width: Math.min(40, Math.max(10, h.length + 2)), ...(money(i) ? { style: { numFmt: '#,##0.00' } } : {}) }));
    return new XlsxSink(file, tmp, wb, ws);
  }

  async write(p: Pieces): Promise<void> {
    for (const row of p.xrows) this.ws.addRow(row).commit();
  }

  async close(extraSheet?: { name: string; rows: string[][] }, runSheet?: { name: string; rows: string[][] }): Promise<void> {
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
    await this.wb.commit();
    await commitTemporary(this.tmp, this.file);
  }

  async abort(): Promise<void> {
    await dropTemporary(this.tmp);
  }
}
