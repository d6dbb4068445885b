/**
 * The run, as every output echoes it (issue 30 item 7, issue 32 item 9): when it was made (from SOURCE_DATE_EPOCH
 * when set, so that tests and golden copies are reproducible), by which version of gz-awards, from which inputs
 * with how many records, under which interpretation (codes for scripts, words for people) and with which
 * parameters file (and its sha256). One record, built once per run: the summary JSON and the `<file>.run.json`
 * beside a CSV hold it as JSON, the 运行信息 sheet and the reports as lines, standard error in words.
 */
import type { Lang } from '../domain/labels.js';
import { INTERPRETATIONS, type Interpretation, type InterpretationName } from '../engine/interpretation.js';

/** The version of gz-awards (package.json's; the command line's --version says the same). */
export const VERSION = '0.1.0';

/** How a run was made (SPEC §5): the interpretation and the parameter overrides; the inputs and the time when known. */
export interface RunInfo {
  interpretation: Interpretation;
  params?: { file: string; sha256: string } | null | undefined;
  /** Each input file as given, with the records read from it (known at the end of a batch). */
  inputs?: ReadonlyArray<{ file: string; records: number }>;
  /** When the run was made: an ISO 8601 time in UTC (runTime()). */
  madeAt?: string;
}

/**
 * The time of the run: SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) when it is set
 * to a whole number, else the clock; ISO 8601 in UTC to the second.
 */
export function runTime(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const ms = epoch !== undefined && /^\d{1,12}$/.test(epoch.trim()) ? Number(epoch.trim()) * 1000 : Date.now();
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The interpretation in words: "“突破”门槛=达到即可（≥）；增长率窗口=截至当年（Y−2→Y）；…". */
export function interpretationWords(i: Interpretation, lang: Lang): string {
  return (Object.keys(INTERPRETATIONS) as InterpretationName[])
    .map((k) => {
      const def = INTERPRETATIONS[k];
      const value = i[k] as keyof typeof def.valueLabels;
      return `${def.label[lang]}=${(def.valueLabels[value] as { zh: string; en: string } | undefined)?.[lang] ?? value}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}

/** The run as JSON-ready data (the summary JSON's head, a CSV's `.run.json`). */
export function runJson(info: RunInfo, lang: Lang): Record<string, unknown> {
  return {
    interpretation: info.interpretation,
    params: info.params ?? null,
    interpretationText: interpretationWords(info.interpretation, lang),
    tool: 'gz-awards',
    version: VERSION,
    ...(info.madeAt ? { madeAt: info.madeAt } : {}),
    ...(info.inputs ? { inputs: info.inputs.map((x) => ({ file: x.file, records: x.records })) } : {}),
  };
}

/** The run as [what, value] lines in the page's language (the 运行信息 sheet, the reports' footer). */
export function runLines(info: RunInfo, lang: Lang): Array<[string, string]> {
  const zh = lang === 'zh';
  const rows: Array<[string, string]> = [];
  if (info.madeAt) rows.push([zh ? '生成时间' : 'made at', info.madeAt]);
  rows.push([zh ? '生成工具' : 'made by', `gz-awards ${VERSION}`]);
  for (const x of info.inputs ?? []) rows.push([zh ? '输入文件' : 'input', zh ? `${x.file}（${x.records} 条记录）` : `${x.file} (${x.records} records)`]);
  rows.push([zh ? '解释口径' : 'interpretation', interpretationWords(info.interpretation, lang)]);
  rows.push([zh ? '解释口径（代码）' : 'interpretation (codes)', Object.entries(info.interpretation).map(([k, v]) => `${k}=${v}`).join(', ')]);
  rows.push([zh ? '参数覆盖' : 'parameters', info.params ? `${info.params.file} (sha256 ${info.params.sha256})` : zh ? '（文件原文，无覆盖）' : '(as published, no overrides)']);
  return rows;
}

/** The run in words for standard error: the interpretation, then the parameters ("parameters: FILE (sha256 …)"). */
export function runSentence(info: RunInfo, lang: Lang): string {
  const sep = lang === 'zh' ? '：' : ': ';
  return runLines(info, lang)
    .filter(([k]) => k === (lang === 'zh' ? '解释口径' : 'interpretation') || k === (lang === 'zh' ? '参数覆盖' : 'parameters'))
    .map(([k, v]) => k + sep + v + '\n')
    .join('');
}
