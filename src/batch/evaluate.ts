/**
 * The evaluate stage, per block of records: map → evaluate → render the output pieces and each aggregator's
 * piece. The same code runs in the main thread (one job) and in worker threads (--jobs N), so that the result
 * cannot depend on the number of jobs. What it returns crosses threads: plain data only.
 */
import { evaluate, type RunOptions } from '../engine/evaluate.js';
import { fenNumber } from '../domain/money.js';
import type { RuleSet } from '../engine/ruleset.js';
import type { MappedRecord } from '../io/stream.js';
import { AwardCsvLine, awardColumns, awardRow, columnIndex, type AwardColumn } from '../render/award-table.js';
import { csvLine, longRows } from '../render/csv.js';
import { JsonLineWriter } from '../render/json-line.js';
import type { RunMeta } from '../render/output.js';
import { Utf8Buffer } from '../render/utf8-buffer.js';
import { ID_WORDS, packId } from '../io/id-registry.js';
import { AGGREGATOR_KINDS } from './aggregate.js';
import { blockMapper } from './map.js';
import { FlatCollector } from './flat-pieces.js';
import { isJsonFormat, type BatchSetup, type BlockOut, type BlockTask, type XCell } from './types.js';

export interface Processor {
  run(task: BlockTask): BlockOut;
}

export function makeProcessor(setup: BatchSetup, rs: RuleSet, meta: RunMeta): Processor {
  const map = blockMapper(setup.stream);
  // The wide CSV and XLSX tables show status, amount and tier only, and the aggregators (the summary, the year
  // totals, the potential list, the report's largest) read amounts and the checks' outcomes, never their words:
  // those run without them. The long layout, JSON and JSON Lines show the words.
  const explain = !((setup.format === 'csv' || setup.format === 'xlsx') && setup.layout === 'wide');
  const run: RunOptions = { interpretation: setup.interpretation, years: setup.years ? new Set(setup.years) : null, all: setup.all, explain };
  const districts = setup.districts ? new Set(setup.districts) : null;
  const cols: AwardColumn[] = awardColumns(rs, run.years);
  const colIndex = columnIndex(cols);
  const wideCsv = new AwardCsvLine(cols, colIndex);
  const extractors = setup.aggregators.map((name) => AGGREGATOR_KINDS[name]!.extractor(rs, setup));
  // a flat kind's pieces are gathered into one array a block (flat-pieces.ts)
  const flats = setup.aggregators.map((name) => (AGGREGATOR_KINDS[name]!.flat ? new FlatCollector() : null));
  const { format, layout, lang } = setup;
  const xlsx = format === 'xlsx';
  const json = isJsonFormat(format) ? new JsonLineWriter(lang, meta) : null;
  const bytes = new Utf8Buffer();
  // the block's ids, packed (grown as needed, reused: a block takes a copy of its part)
  let keys = new Uint32Array(ID_WORDS * 1024);

  function block(): BlockOut {
    return { rows: 0, records: 0, bytes: null, ends: [], xrows: [], xends: [], count: 0, keys: NO_KEYS, odd: new Map(), ats: [], pieces: extractors.map(() => []), warnings: [], others: [] };
  }

  function one(b: BlockOut, r: MappedRecord): void {
    b.records++;
    const e = r.enterprise;
    if (!e) {
      b.others.push({ at: r.at, id: r.rawId ?? null, problems: r.problems });
      return;
    }
    if (districts && !districts.has(e.district ?? '')) {
      b.others.push({ at: r.at, id: e.id, problems: r.problems, skipped: true });
      return;
    }
    const k = b.count++;
    if ((k + 1) * ID_WORDS > keys.length) {
      const more = new Uint32Array(keys.length * 2);
      more.set(keys);
      keys = more;
    }
    if (!packId(e.id, keys, k)) b.odd.set(k, e.id);
    b.ats.push(r.at.row ?? r.at.index ?? 0);
    if (r.problems.length) b.warnings.push([k, r.problems]);
    const ev = evaluate(e, rs, run);
    if (xlsx) {
      if (layout === 'wide') {
        const row = awardRow(ev, cols, colIndex);
        const cells: XCell[] = [row.id, row.name, row.district];
        for (const a of row.amounts) cells.push(a === null ? null : fenNumber(a));
        cells.push(fenNumber(row.total), row.other, row.needs);
        b.xrows.push(cells);
      } else {
        const results = ev.results;
        longRows(ev, lang).forEach((cells, k) => {
          const amount = results[k]!.amount;
          b.xrows.push(cells.map((c, i) => (i === LONG_AMOUNT ? (amount === null ? null : fenNumber(amount)) : i === LONG_YEAR || i === LONG_YEAR + 1 || (i === LONG_TIER && c !== '') ? Number(c) : c)));
        });
      }
      b.xends.push(b.xrows.length);
    } else {
      if (json) {
        if (format === 'json') bytes.add(',\n');
        json.write(ev, bytes);
        if (format === 'jsonl') bytes.byte(10);
        b.ends.push(bytes.length);
      } else {
        if (layout === 'wide') wideCsv.write(ev, bytes);
        else for (const cells of longRows(ev, lang)) bytes.add(csvLine(cells));
        b.ends.push(bytes.length);
      }
    }
    for (let a = 0; a < extractors.length; a++) {
      const piece = extractors[a]!(ev);
      const flat = flats[a];
      if (flat) flat.push(piece as ArrayLike<number | bigint>);
      else (b.pieces[a] as unknown[]).push(piece);
    }
  }

  return {
    run(task) {
      const b = block();
      for (const f of flats) f?.clear();
      b.rows = map(task, (r) => one(b, r));
      b.keys = keys.slice(0, b.count * ID_WORDS);
      for (let a = 0; a < flats.length; a++) if (flats[a]) b.pieces[a] = flats[a]!.take();
      if (!xlsx) b.bytes = bytes.take();
      return b;
    },
  };
}

const NO_KEYS = new Uint32Array(0);
const LONG_YEAR = 6; // year, application_year
const LONG_AMOUNT = 10;
const LONG_TIER = 11;
