/**
 * gz-awards test FILE|DIR…: runs scenario files and reports each case passed or failed, with the details of
 * every failure; exit 1 when a case fails, 2 when a file is malformed (then nothing is run, and the report holds
 * each such file as an errored case).
 */
import { z } from 'zod';
import { formatFileProblem, readParamsFile } from '../io/params-file.js';
import { writeFileAtomic } from '../io/sink.js';
import { t } from '../render/messages.js';
import { toJson } from '../render/output.js';
import { renderJunit, renderScenarioJson, renderScenarioText, type MalformedFile, type ReportMeta } from '../render/scenario.js';
import { findScenarioFiles, loadScenarioFile, scenarioPolicies } from '../scenario/load.js';
import { runCases } from '../scenario/run.js';
import { EXIT, paintFor, say, UsageError, writeOut } from './common.js';
import { langSchema } from './lang-schema.js';
import { refuseFormatMismatch, refuseSameFiles } from './outputs.js';
import { loadParams, loadPolicies } from './params.js';

export const testOptions = z.object({
  reporter: z.enum(['text', 'junit', 'json']).default('text'),
  out: z.string().optional(),
  filter: z.string().optional(),
  params: z.string().optional(),
  policy: z.array(z.string()).default([]),
  lang: langSchema,
});

export async function test(targets: string[], raw: unknown): Promise<number> {
  const o = testOptions.parse(raw);
  if (o.out !== undefined) {
    refuseFormatMismatch('--out', o.out, o.reporter, o.reporter === 'junit' ? ['xml'] : o.reporter === 'json' ? ['json'] : ['text', 'md']);
    const inputs = [...targets.map((path) => ({ flag: 'input', path })), ...(o.params ? [{ flag: '--params', path: o.params }] : [])];
    await refuseSameFiles(inputs, [{ flag: '--out', path: o.out }]);
  }
  // Policy files first (--policy, and those the scenario files name): the cases may name their measures.
  const found = await findScenarioFiles(targets);
  await loadPolicies({ files: [...o.policy, ...(await scenarioPolicies(found.files))], lang: o.lang });
  // A file that cannot be read or parsed (the --params file, a scenario file) runs nothing and exits 2, but the
  // report is still made, each such file an errored case in it, so that a CI's test view shows why.
  const errors: MalformedFile[] = [];
  if (o.params !== undefined) {
    const read = await readParamsFile(o.params);
    if (!read.ok) errors.push({ file: o.params, kind: 'params', problems: read.problems.map((p) => ({ ...p, file: `--params ${p.file}` })) });
  }
  for (const p of found.problems) errors.push({ file: p.file, kind: 'scenario', problems: [p] });
  const files = await Promise.all(found.files.map(loadScenarioFile));
  for (const f of files) if (f.problems.length > 0) errors.push({ file: f.file, kind: 'scenario', problems: f.problems });
  if (errors.length > 0) {
    for (const e of errors) for (const p of e.problems) say((e.kind === 'params' ? 'gz-awards: ' : '') + formatFileProblem(p) + '\n');
    const malformed = errors.filter((e) => e.kind === 'scenario').length;
    const meta: ReportMeta = { params: null, errors };
    const none = { outcomes: [], passed: 0, failed: 0 };
    const report = o.reporter === 'junit' ? renderJunit(none, meta, o.lang) : o.reporter === 'json' ? toJson(renderScenarioJson(none, meta, o.lang)) + '\n' : null;
    if (o.out !== undefined) await writeFileAtomic(o.out, report ?? renderScenarioText(none, meta, o.lang));
    else if (report !== null) await writeOut(report);
    if (malformed > 0) say(t({ key: 'scenario.malformed', args: { count: malformed } }, o.lang) + '\n');
    return EXIT.usage;
  }
  const params = await loadParams(o.params);

  const run = runCases(
    files.flatMap((f) => f.cases),
    { overrides: params.overrides, interpretation: params.interpretation },
    o.filter,
  );
  const meta: ReportMeta = { params: params.meta.params ?? null };
  const summary = t({ key: 'scenario.summary', args: { passed: run.passed, failed: run.failed } }, o.lang);
  const report = o.reporter === 'junit' ? renderJunit(run, meta, o.lang) : o.reporter === 'json' ? toJson(renderScenarioJson(run, meta, o.lang)) + '\n' : null;
  if (run.outcomes.length === 0 && o.filter !== undefined) {
    if (o.out !== undefined) await writeFileAtomic(o.out, report ?? renderScenarioText(run, meta, o.lang));
    throw new UsageError(t({ key: 'scenario.no-match', args: { filter: o.filter } }, o.lang));
  }
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
