/**
 * Reports of a scenario run: readable text (each case passed or failed; for a failure the measure, the year,
 * expected and actual, and the checks that decided it), JUnit XML for CI systems, and JSON.
 */
import type { Lang } from '../domain/labels.js';
import { formatYuan } from '../domain/money.js';
import type { Problem } from '../domain/problem.js';
import type { Result } from '../domain/result.js';
import { formatFileProblem, type FileProblem, type ParamsSource } from '../io/params-file.js';
import type { CaseOutcome, Failure, RunSummary } from '../scenario/run.js';
import { t } from './messages.js';
import { resultOut } from './output.js';
import type { Paint } from './table.js';
import { PLAIN } from './table.js';

/** Checks whose passing says nothing about the decision. */
const QUIET = new Set(['higher-level-funding.pass', 'already-awarded.pass']);

const msg = (key: string, lang: Lang, args: Record<string, string | number | null | undefined> = {}) => t({ key, args: args as never }, lang);
const mark = (passed: boolean | null) => (passed === true ? '✓' : passed === false ? '✗' : '?');

export interface ReportMeta {
  /** The run's --params file. */
  params: ParamsSource | null;
  /**
   * Files that could not be read or parsed (scenario files, the --params file), each with its problems: then no
   * case was run, and each is an errored test case of the JUnit report.
   */
  errors?: readonly MalformedFile[];
}

export interface MalformedFile {
  file: string;
  /** `scenario` for a scenario file, `params` for the run's --params file. */
  kind: 'scenario' | 'params';
  problems: readonly FileProblem[];
}

/** Nanoseconds as JUnit's seconds, to the millisecond, without a float. */
export function junitTime(nanos: bigint): string {
  const ms = nanos / 1_000_000n;
  return `${ms / 1000n}.${String(ms % 1000n).padStart(3, '0')}`;
}

const at = (f: { ref: string; year: number; line: number }, lang: Lang) => msg('scenario.at', lang, { ref: f.ref, year: f.year, line: f.line });

/** The failure as lines of text, without indentation of its own. */
export function failureLines(f: Failure, o: CaseOutcome, lang: Lang): string[] {
  switch (f.kind) {
    case 'mismatch':
      return [
        at(f, lang),
        ...f.diffs.map((d) => '  ' + msg('scenario.diff', lang, { ...d })),
        ...resultLines(f.result, lang).map((l) => '  ' + l),
      ];
    case 'unexpected-result':
      return [at(f, lang), '  ' + msg('scenario.unexpected', lang), ...resultLines(f.result, lang).map((l) => '  ' + l)];
    case 'no-result':
      return [
        at(f, lang),
        '  ' + msg('scenario.no-result', lang, { year: f.year, years: f.years.join(', ') }),
        ...(!f.all && f.want.status === 'not-in-force' ? ['  ' + msg('scenario.no-result.all', lang)] : []),
      ];
    case 'total':
      return [
        msg('scenario.total', lang, { expected: formatYuan(f.expected), actual: formatYuan(f.actual), line: f.line }),
        '  ' + msg('scenario.counted', lang, { items: f.counted.map((r) => `${r.policy}/${r.measure}@${r.year} ${formatYuan(r.amount!)}`).join(', ') }),
      ];
    case 'input-rejected':
      return [msg('scenario.input-rejected', lang), ...f.problems.map((p) => '  ' + problemLine(p, o, lang))];
    case 'problem-missing': {
      const key = f.severity === 'error' ? 'scenario.rejection-missing' : 'scenario.warning-missing';
      return [
        ...f.missing.map((m) => msg(key, lang, { path: m.path, says: m.says })),
        '  ' + msg('scenario.problems-found', lang, { count: f.problems.length }),
        ...f.problems.map((p) => '    ' + problemLine(p, o, lang)),
      ];
    }
  }
}

function problemLine(p: Problem, o: CaseOutcome, lang: Lang): string {
  return msg('scenario.problem', lang, { line: o.case.inputLine(p.path), path: p.path, message: t(p.expected, lang) + (p.received !== undefined ? ` ("${p.received}")` : '') });
}

/** The actual result and the checks that decided it. */
function resultLines(r: Result, lang: Lang): string[] {
  const lines = [
    msg('scenario.actual', lang, {
      status: r.status,
      tier: r.tier,
      amount: r.amount === null ? null : formatYuan(r.amount),
      applicationYear: r.applicationYear,
      supersededBy: r.supersededBy,
    }),
  ];
  const checks = r.checks.filter((c) => !QUIET.has(c.msg.key));
  if (checks.length > 0) {
    lines.push(msg('scenario.checks', lang));
    for (const c of checks) lines.push(`  ${mark(c.passed)} ${c.id}${lang === 'zh' ? '：' : ': '}${t(c.msg, lang)}`);
  }
  return lines;
}

/** The readable report: files, cases passed and failed with their details, and the summary line. */
export function renderScenarioText(run: RunSummary, meta: ReportMeta, lang: Lang, paint: Paint = PLAIN): string {
  const out: string[] = [];
  if (meta.params) out.push(paint.dim(msg('scenario.params', lang, { file: meta.params.file, sha256: meta.params.sha256 })), '');
  let file: string | null = null;
  for (const o of run.outcomes) {
    if (o.case.file !== file) {
      if (file !== null) out.push('');
      file = o.case.file;
      out.push(paint.bold(file));
    }
    const line = msg('scenario.line', lang, { line: o.case.line });
    const where = paint.dim(lang === 'zh' ? `（${line}）` : `(${line})`);
    if (o.passed) {
      out.push(`  ${paint.status('eligible', '✓')} ${o.case.name} ${where}`);
      continue;
    }
    out.push(`  ${paint.status('ineligible', '✗')} ${o.case.name} ${where}`);
    if (o.case.paramsFiles.length > 0) out.push('      ' + paint.dim(msg('scenario.case-params', lang, { files: o.case.paramsFiles.map((p) => `${p.file} (sha256 ${p.sha256.slice(0, 12)})`).join(', ') })));
    for (const f of o.failures) for (const line of failureLines(f, o, lang)) out.push('      ' + line);
  }
  for (const e of meta.errors ?? []) for (const p of e.problems) out.push(paint.status('ineligible', formatFileProblem(p)));
  const errors = meta.errors?.length ?? 0;
  if (errors > 0) out.push('', paint.bold(msg('scenario.malformed', lang, { count: errors })));
  else out.push('', paint.bold(msg('scenario.summary', lang, { passed: run.passed, failed: run.failed })));
  return out.join('\n') + '\n';
}

/** JUnit XML: one testsuite per scenario file, one testcase per case, a failure with the details. */
export function renderJunit(run: RunSummary, meta: ReportMeta, lang: Lang): string {
  const files = new Map<string, CaseOutcome[]>();
  for (const o of run.outcomes) files.set(o.case.file, [...(files.get(o.case.file) ?? []), o]);
  const errors = meta.errors ?? [];
  const time = (os: readonly CaseOutcome[]) => junitTime(os.reduce((sum, o) => sum + (o.nanos ?? 0n), 0n));
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="gz-awards test" tests="${run.outcomes.length + errors.length}" failures="${run.failed}" errors="${errors.length}" time="${time(run.outcomes)}">`,
  ];
  // a file that cannot be read or parsed: an errored test case, so that the CI's test view shows it
  for (const e of errors) {
    const first = e.problems[0];
    const line = first?.line !== undefined ? ` line="${first.line}"` : '';
    const name = msg(e.kind === 'params' ? 'scenario.error.params' : 'scenario.error.file', lang, { file: e.file });
    out.push(
      `  <testsuite name="${xml(e.file)}" tests="1" failures="0" errors="1" skipped="0" time="0.000">`,
      `    <testcase classname="${xml(e.file)}" name="${xml(name)}" file="${xml(e.file)}"${line} time="0.000">`,
      `      <error message="${xml(first ? formatFileProblem(first) : e.file)}" type="${e.kind === 'params' ? 'params' : 'malformed'}">${xml(e.problems.map(formatFileProblem).join('\n'))}</error>`,
      '    </testcase>',
      '  </testsuite>',
    );
  }
  for (const [file, outcomes] of files) {
    const failed = outcomes.filter((o) => !o.passed).length;
    out.push(`  <testsuite name="${xml(file)}" tests="${outcomes.length}" failures="${failed}" errors="0" skipped="0" time="${time(outcomes)}">`);
    const props = [...(meta.params ? [['params', meta.params.file], ['params.sha256', meta.params.sha256]] : [])];
    if (props.length > 0) {
      out.push('    <properties>');
      for (const [name, value] of props) out.push(`      <property name="${xml(name!)}" value="${xml(value!)}"/>`);
      out.push('    </properties>');
    }
    for (const o of outcomes) {
      const head = `    <testcase classname="${xml(file)}" name="${xml(o.case.name)}" file="${xml(file)}" line="${o.case.line}" time="${junitTime(o.nanos ?? 0n)}"`;
      if (o.passed) {
        out.push(head + '/>');
        continue;
      }
      const lines = o.failures.flatMap((f) => failureLines(f, o, lang));
      const first = o.failures.map((f) => failureLines(f, o, lang).slice(0, 2).map((l) => l.trim()).join(' — ')).join('; ');
      out.push(head + '>', `      <failure message="${xml(first)}" type="scenario">${xml(lines.join('\n'))}</failure>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

/** The run as data: every case, and for failures the compared fields and the results as the output contract has them. */
export function renderScenarioJson(run: RunSummary, meta: ReportMeta, lang: Lang): unknown {
  return {
    params: meta.params,
    passed: run.passed,
    failed: run.failed,
    errors: (meta.errors ?? []).map((e) => ({ file: e.file, kind: e.kind, problems: e.problems })),
    cases: run.outcomes.map((o) => ({
      file: o.case.file,
      line: o.case.line,
      name: o.case.name,
      passed: o.passed,
      ...(o.case.paramsFiles.length > 0 ? { paramsFiles: o.case.paramsFiles } : {}),
      failures: o.failures.map((f) => failureJson(f, o, lang)),
    })),
  };
}

function failureJson(f: Failure, o: CaseOutcome, lang: Lang): unknown {
  const text = failureLines(f, o, lang).join('\n');
  switch (f.kind) {
    case 'mismatch':
      return { kind: f.kind, measure: f.ref, year: f.year, line: f.line, diffs: f.diffs, result: resultOut(f.result, lang), text };
    case 'unexpected-result':
      return { kind: f.kind, measure: f.ref, year: f.year, line: f.line, result: resultOut(f.result, lang), text };
    case 'no-result':
      return { kind: f.kind, measure: f.ref, year: f.year, line: f.line, years: f.years, text };
    case 'total':
      return { kind: f.kind, line: f.line, expected: formatYuan(f.expected), actual: formatYuan(f.actual), text };
    default:
      return { kind: f.kind, text };
  }
}

/** Text safe inside XML attributes and elements (control characters XML 1.0 forbids are dropped). */
function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
