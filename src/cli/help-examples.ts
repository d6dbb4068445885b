/**
 * The end of every command's `--help`: two or three examples and the exit codes, in the run's language. One
 * entry per command; a helper who adds an option adds its example here. Every example runs as written from the
 * project's folder (test/help.test.ts runs them and checks the exit code given with each).
 */
import type { Lang } from '../domain/labels.js';

export interface HelpExample {
  /** The command line, starting with `gz-awards`. */
  readonly command: string;
  readonly zh: string;
  readonly en: string;
  /** Its exit code when run from the project's folder (0 unless said). */
  readonly exit?: number;
}

type Meaning = readonly [code: number, zh: string, en: string];

const OK: Meaning = [0, '完成', 'done'];
const USAGE: Meaning = [2, '用法或输入错误，什么都没有计算', 'usage or input error, nothing computed'];
const REJECTED: Meaning = [3, '完成，但有记录被拒绝：输出包含其余记录', 'done, but some records were rejected: the output holds the rest'];
const INTERRUPTED: Meaning = [130, '被中断（Ctrl-C；SIGTERM 为 143，SIGHUP 为 129），不留下半个文件', 'interrupted (Ctrl-C; 143 for SIGTERM, 129 for SIGHUP), no half-written file left'];

export const HELP_FOOTER: Readonly<Record<string, { readonly examples: readonly HelpExample[]; readonly exits: readonly Meaning[] }>> = {
  'gz-awards': {
    examples: [
      { command: 'gz-awards check', zh: '企业自查：一问一答（需在终端中运行）', en: 'the self-check interview (on a terminal)', exit: 0 },
      { command: 'gz-awards batch fixtures/districts/sample-district.csv --out awards.csv', zh: '测算随附的样例区，写出奖励表', en: 'the bundled sample district into an award table' },
      { command: 'gz-awards batch --help', zh: '一个命令的全部选项和例子', en: "a command's options and examples" },
    ],
    exits: [OK, [1, '有场景用例失败，或用了 --fail-on-change 且结果有变化', 'a failing scenario, or a change under --fail-on-change'], USAGE, REJECTED],
  },
  simulate: {
    examples: [
      { command: 'gz-awards simulate fixtures/enterprises/tianhe-retailer.json', zh: '一个企业的结果表', en: "one enterprise's results" },
      { command: 'gz-awards simulate fixtures/enterprises/tianhe-retailer.json --format html > report.html', zh: '可打印的报告', en: 'the printable report' },
      { command: 'gz-awards simulate --set years.2023.onlineRetailSales=25亿 --set years.2025.onlineRetailSales=31亿 --set years.2025.nbsDirectReporting=true', zh: '不用文件，直接填写数据', en: 'the data given on the command line' },
    ],
    exits: [OK, USAGE, [3, '文件中有的企业被拒绝，其余已测算', 'some enterprises of the file were rejected, the rest computed']],
  },
  check: {
    examples: [
      { command: 'gz-awards check --save answers.json --report report.html', zh: '自查，保存回答并生成报告（需在终端中回答；输入结束时其余问题按“不知道”处理）', en: 'the interview, saving the answers and the report (answered on a terminal; the end of input leaves the rest unknown)' },
      { command: 'gz-awards check fixtures/enterprises/tianhe-retailer.json', zh: '从已有文件开始，只问缺少的内容', en: 'start from a file and ask only what is missing' },
    ],
    exits: [OK, USAGE, INTERRUPTED],
  },
  rules: {
    examples: [
      { command: 'gz-awards rules', zh: '所有文件和措施，以及解释口径', en: 'every document and measure, and the interpretations' },
      { command: 'gz-awards rules gz-2025-ecommerce/scale-tier', zh: '一项措施：条款、原文和参数', en: 'one measure: its article, quote and parameters' },
      { command: 'gz-awards rules --coverage', zh: '每一条及其对应的措施', en: 'every article and the measures that model it' },
    ],
    exits: [OK, USAGE],
  },
  test: {
    examples: [
      { command: 'gz-awards test fixtures/scenarios', zh: '运行目录下所有场景文件', en: 'every scenario file below the folder' },
      { command: 'gz-awards test fixtures/scenarios --reporter junit --out test-results/scenarios.xml', zh: '写出 JUnit 报告供 CI 使用', en: 'a JUnit report for CI' },
      { command: 'gz-awards test fixtures/scenarios --params fixtures/reforms/tier1-5bn.yaml', zh: '看一项改革会改变哪些已知案例（退出码 1）', en: 'which known cases a reform changes (exit 1)', exit: 1 },
    ],
    exits: [OK, [1, '有用例失败', 'a case failed'], [2, '场景文件读不了或格式错误（写了 --out 时报告照样写出）', 'a scenario file cannot be read or is malformed (with --out the report is still written)']],
  },
  batch: {
    examples: [
      { command: 'gz-awards batch fixtures/districts/sample-district.csv --out awards.csv --rejects rejects.csv --summary summary.xlsx', zh: '奖励表、未通过校验的记录和汇总', en: 'the award table, the rejected records and the summary' },
      { command: 'gz-awards batch fixtures/districts/sample-district-gbk.csv --unit 万元 --out awards.xlsx', zh: 'GBK 编码、以万元为单位的 CSV，写成工作簿', en: 'a GBK CSV in 万元 into a workbook' },
      { command: 'gz-awards batch fixtures/districts/sample-district.csv --out awards.csv --near 10% --report report.html', zh: '潜力企业名单（awards.near.csv）和全区一览报告', en: 'the potential list (awards.near.csv) and the district report' },
    ],
    exits: [[0, '每条记录都在输出中', 'every record is in the output'], [2, '用法错误，或什么都读不了', 'usage error, or nothing could be read'], [3, '有记录或文件被拒绝：输出包含其余记录', 'some records or files were rejected: the output holds the rest'], INTERRUPTED],
  },
  template: {
    examples: [
      { command: 'gz-awards template > template.csv', zh: '英文列名的模板', en: 'the template with English headers' },
      { command: 'gz-awards template --lang zh --years 2024-2026 > 模板.csv', zh: '中文列名、2024–2026 年的模板', en: 'Chinese headers, years 2024–2026' },
    ],
    exits: [OK, USAGE],
  },
  validate: {
    examples: [
      { command: 'gz-awards validate fixtures/districts/sample-district.csv', zh: '检查一个文件，不计算', en: 'check a file, computing nothing' },
      { command: 'gz-awards validate fixtures/districts/sample-district-with-rejects.csv', zh: '列出每个有问题的行（退出码 3）', en: 'every problem row (exit 3)', exit: 3 },
    ],
    exits: [[0, '每条记录都能读', 'every record can be read'], [2, '每个文件都被拒绝，一条记录也读不了', 'every file refused, no record read'], [3, '有记录或文件被拒绝', 'some records or files were refused']],
  },
  diff: {
    examples: [
      { command: 'gz-awards diff fixtures/diff/small-district.jsonl --params fixtures/reforms/tier1-5bn.yaml', zh: '一项改革使谁增谁减', en: 'who gains and who loses under a reform' },
      { command: 'gz-awards diff fixtures/diff/small-district.jsonl --params fixtures/reforms/tier1-5bn.yaml --format json --out diff.json', zh: '差异写成 JSON', en: 'the difference as JSON' },
      { command: 'gz-awards diff fixtures/diff/small-district.jsonl --params fixtures/reforms/tier1-5bn.yaml --fail-on-change', zh: '供 CI 使用：有变化时退出码 1', en: 'for CI: exit 1 when anything changed', exit: 1 },
    ],
    exits: [[0, '完成（用了 --fail-on-change 时：没有变化）', 'done (with --fail-on-change: nothing changed)'], [1, '用了 --fail-on-change 且有结果变化', 'a result changed, with --fail-on-change'], [2, '参数文件错误，或什么都读不了', 'a bad parameters file, or nothing could be read'], [3, '有记录被拒绝：报告包含其余记录', 'some records were rejected: the report covers the rest']],
  },
};

/** The examples and exit codes that end `gz-awards NAME --help`, in the language of the run. */
export function helpFooter(name: string, lang: Lang): string {
  const entry = HELP_FOOTER[name];
  if (!entry) return '';
  const w = Math.max(...entry.exits.map(([c]) => String(c).length));
  return [
    '',
    lang === 'zh' ? '示例：' : 'Examples:',
    ...entry.examples.flatMap((e) => [`  ${e.command}`, `      ${lang === 'zh' ? e.zh : e.en}`]),
    '',
    lang === 'zh' ? '退出码：' : 'Exit codes:',
    ...entry.exits.map(([c, zh, en]) => `  ${String(c).padStart(w)}  ${lang === 'zh' ? zh : en}`),
    '',
  ].join('\n');
}
