/**
 * The batch pipeline: read → map → evaluate → aggregate → write. The main thread reads blocks of records
 * (read.ts), has them mapped and evaluated (evaluate.ts) inline or on the pool (pool.ts), and folds the results
 * back in input order: it places rows in their files, turns duplicate ids into rejects, hands each accepted
 * enterprise's pieces to the aggregators (aggregate.ts) and writes the outputs (write.ts). Every output is a Sink
 * opened before the first byte is read, so a path that cannot be written fails before any work, and on any
 * failure every output is aborted: nothing half-written is left.
 */
import type { Lang } from '../domain/labels.js';
import type { Problem } from '../domain/problem.js';
import type { RuleSet } from '../engine/ruleset.js';
import { openSink, OutputGroup, type Sink } from '../io/sink.js';
import { RecordLedger, type At } from '../io/stream.js';
import type { ColumnPlan } from '../io/row.js';
import { awardColumns, awardHeader } from '../render/award-table.js';
import { runInfoCells, summaryCells, type RunInfo, type Summary } from '../render/summary.js';
import type { RunMeta } from '../render/output.js';
import { runTime } from '../render/run-record.js';
import { runRecordPath, runRecordsOf, writeRunRecord } from './run-record-file.js';
import { formatNote, formatProblem, say } from '../cli/common.js';
import { t } from '../render/messages.js';
import { progressBar } from '../cli/progress.js';
import { SummaryAggregator, type Aggregator } from './aggregate.js';
import { Glance, type GlancePaths } from './glance.js';
import { summaryCellsWithYears, type YearTotals } from './year-totals.js';
import { makeProcessor } from './evaluate.js';
import { addPiece } from './flat-pieces.js';
import { inputSize, readBlocks, ReadPosition } from './read.js';
import { isJsonFormat, type BatchSetup, type BlockOut, type BlockTask, type XCell } from './types.js';
import { openAwardTable, RejectsOut, writeSummaryFile, type RowSink } from './write.js';

/** Problems printed on stderr before the rest is only counted (all of them go to --rejects FILE). */
export const PRINT_LIMIT = 20;

/** Where the outputs go: null is standard output for the award table, none for the others. */
export interface BatchPaths extends GlancePaths {
  out: string | null;
  rejects: string | null;
  summary: string | null;
}

export interface BatchCounts {
  records: number;
  output: number;
  rejected: number;
  skipped: number;
  warnings: number;
  fileErrors: number;
  /** Error problems shown or counted for stderr, and warnings likewise (PRINT_LIMIT of each are printed). */
  printed: number;
  warningsPrinted: number;
}

export type BatchResult = { kind: 'nothing-read' } | { kind: 'done'; counts: BatchCounts; summary: Summary; years: YearTotals; info: RunInfo };

export interface BatchRun {
  files: string[];
  setup: BatchSetup;
  ruleSet: RuleSet;
  meta: RunMeta;
  paths: BatchPaths;
  jobs: number;
  progress: boolean;
}

interface Outputs {
  table: RowSink;
  /** The run record beside a CSV award table or CSV summary written to a file (`<file>.run.json`), by that file. */
  records: Map<'out' | 'summary', Sink>;
  rejects: RejectsOut | null;
  summary: Sink | null;
  glance: Glance;
  /** Every file output above, renamed into place together once all are complete (sink.ts). */
  group: OutputGroup;
}

/** Opens every output up front (before any byte is written to one); if one fails, the ones already open are removed. */
async function openOutputs(run: BatchRun): Promise<Outputs> {
  const { paths, setup } = run;
  const opened: Sink[] = [];
  const group = new OutputGroup();
  try {
    const open = async (p: string | null, direct = false) => {
      const sink = await openSink(p, { direct, group });
      opened.push(sink);
      return sink;
    };
    // JSON and JSON Lines (about 3 KB a record, gigabytes for a district) are written around the system's cache
    const out = await open(paths.out, isJsonFormat(setup.format));
    const rejectsSink = paths.rejects ? await open(paths.rejects) : null;
    const summary = paths.summary ? await open(paths.summary) : null;
    const records = new Map<'out' | 'summary', Sink>();
    for (const k of runRecordsOf(paths, setup.format)) records.set(k, await open(runRecordPath(paths[k]!)));
    const glance = await Glance.open(run.ruleSet, setup, paths, open);
    const cols = awardColumns(run.ruleSet, setup.years ? new Set(setup.years) : null);
    const table = await openAwardTable(out, setup.format, setup.layout, awardHeader(cols, setup.lang), setup.lang);
    const rejects = rejectsSink ? await RejectsOut.open(rejectsSink, setup.lang) : null;
    return { table, rejects, summary, glance, records, group };
  } catch (err) {
    await Promise.all(opened.map((s) => s.abort()));
    throw err;
  }
}

export async function runBatch(run: BatchRun): Promise<BatchResult> {
  const { files, setup, ruleSet, meta, paths } = run;
  const lang: Lang = setup.lang;
  const outputs = await openOutputs(run);
  const { table, rejects, glance } = outputs;
  const perFile = files.map(() => 0);
  const info: RunInfo = { interpretation: setup.interpretation, params: meta.params, madeAt: runTime(), inputs: files.map((file, i) => ({ file, records: perFile[i]! })) };
  const years = glance.years.totals;
  const summaryAgg = new SummaryAggregator(ruleSet, async (s) => {
    if (outputs.summary) {
      await writeSummaryFile(outputs.summary, s, lang, info, years);
      await writeRunRecord(outputs.records.get('summary'), info, lang);
    }
  });
  const aggregators: Aggregator[] = setup.aggregators.map((name) => {
    if (name === 'summary') return summaryAgg as Aggregator;
    const a = glance.aggregator(name);
    if (a) return a;
    throw new Error(`no aggregator named ${name}`);
  });
  const counts: BatchCounts = { records: 0, output: 0, rejected: 0, skipped: 0, warnings: 0, fileErrors: 0, printed: 0, warningsPrinted: 0 };
  const ledger = new RecordLedger(files);
  const size = await inputSize(files);
  const progress = await progressBar(size, run.progress);
  const position = new ReadPosition();
  let pool: import('./pool.js').WorkerPool | null = null;

  const abortAll = async () => {
    await table.abort();
    await rejects?.abort();
    await outputs.summary?.abort();
    await glance.abort();
    for (const r of outputs.records.values()) await r.abort();
  };

  try {
    const inline = run.jobs === 1 ? makeProcessor(setup, ruleSet, meta) : null;
    pool = inline ? null : new (await import('./pool.js')).WorkerPool(run.jobs, setup);
    const runTask = (task: BlockTask): Promise<BlockOut> => (inline ? Promise.resolve(inline.run(task)) : pool!.run(task));

    type Queued = { fileIndex: number; csv: boolean; indexed: boolean; result: Promise<BlockOut> } | { fileIndex: number; apply: () => void };
    const queue: Queued[] = [];
    // a block computed inline is folded at once: queued, its records would outlive young-generation collections
    const inFlight = inline ? 0 : Math.max(2, run.jobs * 3);
    const plans = new Map<number, ColumnPlan>();

    const report = (p: Problem) => {
      if (p.severity === 'warning') {
        counts.warnings++;
        if (counts.warningsPrinted++ < PRINT_LIMIT) say(formatProblem(p, lang) + '\n');
      } else if (!rejects || counts.printed++ < PRINT_LIMIT) say(formatProblem(p, lang) + '\n');
    };

    const fold = async (q: Queued) => {
      if ('apply' in q) return q.apply();
      const b = await q.result;
      const file = files[q.fileIndex]!;
      // CSV rows are relative to the block: place them in the file
      const base = q.csv ? ledger.csvBase(q.fileIndex, b.rows) : 0;
      if (!q.csv) ledger.setIndexed(q.fileIndex, q.indexed);
      const place = (p: Problem) => {
        p.file = file;
        if (q.csv) p.row = (p.row ?? 0) + base;
      };
      const at = (pos: number): At => (q.csv ? { row: pos + base } : q.indexed ? { index: pos } : { row: pos });
      counts.records += b.records;
      perFile[q.fileIndex]! += b.records;
      const warnings = new Map(b.warnings);
      for (const [, ps] of b.warnings) ps.forEach(place);
      // duplicates: the accepted records whose id was seen before leave the output for the rejects
      const dups = new Map<number, Problem>();
      for (let i = 0; i < b.count; i++) {
        const dup = ledger.duplicateKey(q.fileIndex, at(b.ats[i]!), b.keys, i, b.odd.size ? b.odd.get(i) : undefined);
        if (dup) dups.set(i, dup);
      }
      for (let i = 0; i < b.count; i++) {
        if (dups.has(i)) continue;
        counts.output++;
        for (let a = 0; a < aggregators.length; a++) addPiece(aggregators[a]!, b.pieces[a]!, i);
        for (const p of warnings.get(i) ?? []) report(p);
      }
      await glance.afterBlock();
      if (dups.size) {
        // the rejected duplicates, with their positions relative to the block like the others, in input order (the
        // problem holds the id, spelled out by the ledger)
        for (const [i, dup] of dups) b.others.push({ at: q.csv ? { row: b.ats[i]! } : at(b.ats[i]!), id: dup.received!, problems: [...(warnings.get(i) ?? []), { ...dup, row: dup.row === undefined ? undefined : dup.row - base } as Problem] });
        b.others.sort((x, y) => (x.at.row ?? x.at.index ?? 0) - (y.at.row ?? y.at.index ?? 0));
      }
      for (const r of b.others) {
        if (q.csv) r.at.row = r.at.row! + base;
        r.problems.forEach(place);
        if (r.skipped) {
          counts.skipped++;
          continue;
        }
        counts.rejected++;
        glance.rejects.add(r.problems);
        for (const p of r.problems) report(p);
        if (rejects) await rejects.add(file, r.at, r.id, r.problems);
        if (table.reject) await table.reject(file, r.at, r.id, r.problems);
      }
      await table.write(dups.size === 0 ? b : withoutDuplicates(b, dups));
    };

    for await (const ev of readBlocks(files, setup.stream)) {
      let q: Queued | null = null;
      switch (ev.kind) {
        case 'csv-start':
          plans.set(ev.fileIndex, ev.plan);
          q = { fileIndex: ev.fileIndex, apply: () => ledger.startCsv(ev.fileIndex, ev.headerRow) };
          break;
        case 'csv':
          q = { fileIndex: ev.fileIndex, csv: true, indexed: false, result: runTask({ kind: 'csv', texts: ev.texts, plan: plans.get(ev.fileIndex)! }) };
          break;
        case 'json':
          q = { fileIndex: ev.fileIndex, csv: false, indexed: ev.indexed, result: runTask({ kind: 'json', items: ev.items }) };
          break;
        case 'file-problems':
          q = {
            fileIndex: ev.fileIndex,
            apply: () => {
              for (const p of ev.problems) {
                if (p.severity === 'error') counts.fileErrors++;
                else counts.warnings++;
                say(formatProblem(p, lang) + '\n');
              }
            },
          };
          break;
        case 'file-notes':
          q = { fileIndex: ev.fileIndex, apply: () => ev.notes.forEach((n) => say(formatNote(ev.file, n, lang) + '\n')) };
          break;
        case 'bytes': {
          const at = position.at(ev);
          progress.update(counts.records, at);
          ledger.readTo(at, size);
          break;
        }
      }
      if (!q) continue;
      queue.push(q);
      while (queue.length > inFlight) await fold(queue.shift()!);
    }
    while (queue.length) await fold(queue.shift()!);
    progress.stop();
    await pool?.close();
    pool = null;

    if (counts.fileErrors >= files.length && counts.records === 0) {
      await abortAll();
      return { kind: 'nothing-read' };
    }
    const s = summaryAgg.summary;
    info.inputs = files.map((file, i) => ({ file, records: perFile[i]! }));
    await table.close({ name: lang === 'zh' ? '汇总' : 'summary', rows: summaryCellsWithYears(summaryCells(s, lang), years, lang) }, { name: lang === 'zh' ? '运行信息' : 'run', rows: runInfoCells(info, lang).slice(1) });
    await writeRunRecord(outputs.records.get('out'), info, lang);
    await rejects?.close();
    for (const a of aggregators) await a.finish();
    await glance.finish({ files, info, counts, summary: s });
    // all complete: now, and only now, every output takes its place (one failing before this aborted them all)
    await outputs.group.commit();
    return { kind: 'done', counts, summary: s, years, info };
  } catch (err) {
    progress.stop();
    await abortAll();
    await pool?.close();
    throw err;
  } finally {
    ledger.close();
  }
}

/** The block's output without the records at the indexes of `dups`. */
function withoutDuplicates(b: BlockOut, dups: ReadonlyMap<number, unknown>): BlockOut {
  const bytes: Uint8Array[] = [];
  const xrows: XCell[][] = [];
  for (let i = 0; i < b.count; i++) {
    if (dups.has(i)) continue;
    if (b.bytes) bytes.push(b.bytes.subarray(i === 0 ? 0 : b.ends[i - 1], b.ends[i]));
    if (b.xends.length) xrows.push(...b.xrows.slice(i === 0 ? 0 : b.xends[i - 1], b.xends[i]));
  }
  return { ...b, bytes: b.bytes ? Buffer.concat(bytes) : null, xrows };
}
