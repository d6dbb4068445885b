/**
 * gz-awards test FILE|DIR…: runs scenario files and reports each case passed or failed, with the details of
 * every failure; exit 1 when a case fails, 2 when a file is malformed (then nothing is run).
 */
import { z } from 'zod';
import { formatFileProblem } from '../io/params-file.js';
import { writeFileAtomic } from '../io/sink.js';
import { t } from '../render/messages.js';
import { toJson } from '../render/output.js';
import { renderJunit, renderScenarioJson, renderScenarioText, type ReportMeta } from '../render/scenario.js';
import { findScenarioFiles, loadScenarioFile, type FileProblem } from '../scenario/load.js';
import { runCases } from '../scenario/run.js';
import { EXIT, paintFor, say, UsageError, writeOut } from './common.js';
import { langSchema } from './lang-schema.js';
import { refuseFormatMismatch, refuseSameFiles } from './outputs.js';
import { loadParams } from './params.js';

export const testOptions = z.object({
  reporter: z.enum(['text', 'junit', 'json']).default('text'),
  out: z.string().optional(),
  filter: z.string().optional(),
  params: z.string().optional(),
  lang: langSchema,
});

export async function test(targets: string[], raw: unknown): Promise<number> {
  const o = testOptions.parse(raw);
  if (o.out !== undefined) {
    refuseFormatMismatch('--out', o.out, o.reporter, o.reporter === 'junit' ? ['xml'] : o.reporter === 'json' ? ['json'] : ['text', 'md']);
    const inputs = [...targets.map((path) => ({ flag: 'input', path })), ...(o.params ? [{ flag: '--params', path: o.params }] : [])];
    await refuseSameFiles(inputs, [{ flag: '--out', path: o.out }]);
  }
  const params = await loadParams(o.params);
  const found = await findScenarioFiles(targets);
  const problems: FileProblem[] = [...found.problems];
  const files = await Promise.all(found.files.map(loadScenarioFile));
  for (const f of files) problems.push(...f.problems);
  if (problems.length > 0) {
    for (const p of problems) say(formatFileProblem(p) + '\n');
    const malformed = found.problems.length + files.filter((f) => f.problems.length > 0).length;
    say(t({ key: 'scenario.malformed', args: { count: malformed } }, o.lang) + '\n');
    return EXIT.usage;
  }

  const run = runCases(
    files.flatMap((f) => f.cases),
    { overrides: params.overrides, interpretation: params.interpretation },
    o.filter,
  );
  if (run.outcomes.length === 0 && o.filter !== undefined) throw new UsageError(t({ key: 'scenario.no-match', args: { filter: o.filter } }, o.lang));

  const meta: ReportMeta = { params: params.meta.params ?? null };
  const summary = t({ key: 'scenario.summary', args: { passed: run.passed, failed: run.failed } }, o.lang);
  const report = o.reporter === 'junit' ? renderJunit(run, meta, o.lang) : o.reporter === 'json' ? toJson(renderScenarioJson(run, meta, o.lang)) + '\n' : null;
  if (o.out !== undefined) {
    // The report goes to the file; the readable one (or, for text, its summary) to the terminal.
    await writeFileAtomic(o.out, report ?? renderScenarioText(run, meta, o.lang));
    await writeOut(report !== null ? renderScenarioText(run, meta, o.lang, await paintFor(process.stdout)) : summary + '\n', true);
  } else if (report !== null) {
    await writeOut(report);
    say(summary + '\n');
  } else {
    await writeOut(renderScenarioText(run, meta, o.lang, await paintFor(process.stdout)), true);
  }
  return run.failed > 0 ? EXIT.failed : EXIT.ok;
}
