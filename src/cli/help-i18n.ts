/**
 * `--help` and commander's usage errors in the run's language. The program is declared in English; a Chinese
 * run translates commander's own words, its error sentences and the descriptions this table knows (the rest
 * stay as declared). The language is decided before commander parses: `--lang`, else the locale.
 */
import type { Lang } from '../domain/labels.js';
import { envLang } from './common.js';

/** The language of this run, from the command line (`--lang zh`, `--lang=en`) or the locale. */
export function argvLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'zh' || v === 'en') return v;
  }
  return envLang();
}

/** Descriptions and commander's fixed words, English → Chinese. */
const ZH: ReadonlyArray<readonly [string, string]> = [
  ["Which support measures of Guangzhou's e-commerce policies an enterprise qualifies for, and for how much.", '企业可享受广州市电子商务政策的哪些扶持措施、金额多少。'],
  ['the guided self-check: asks, most money first, only what the results depend on; then results, next tiers, where to apply', '企业自查：按金额从高到低只问结果所需的问题，然后给出结果、下一档和申报指引'],
  ['one enterprise (JSON, a one-row CSV, "-" for stdin, or --set flags): every result with its reason and article', '测算一个企业（JSON、单行 CSV、"-" 表示标准输入，或 --set）：每项结果及其理由和条款'],
  ['the catalogue: documents, measures, articles, parameters, validity, interpretations', '政策目录：文件、措施、条款、参数、有效期、解释口径'],
  ['runs scenario files (YAML/JSON): each case passed or failed, with the details of every failure', '运行场景文件（YAML/JSON）：每个用例通过或失败，并列出失败详情'],
  ["a district's enterprises (CSV, JSON, JSON Lines; - for stdin), streamed: an award table, a summary by district and measure, the rejected rows", '批量测算一个区的企业（CSV、JSON、JSON Lines；- 表示标准输入）：奖励表、按区和措施的汇总、被拒绝的行'],
  ['an input CSV template: the headers the reader accepts, with a sample row', '输入 CSV 模板：可识别的全部列名和一行示例'],
  ['checks input files without computing: every problem of every row (ids, districts, numbers, years)', '只检查输入文件、不计算：每一行的每个问题（代码、区、数字、年份）'],
  ['the same enterprises under two parameter sets: who gains, who loses, totals by district and measure', '同一批企业在两套参数下的差异：谁增谁减，按区和措施的合计'],
  ['language of tables and messages (default: from LC_ALL, LC_MESSAGES, LANG; else zh)', '表格和提示的语言（默认：按 LC_ALL、LC_MESSAGES、LANG，否则 zh）'],
  ['start from this JSON file of one enterprise and ask only what is missing', '从一个企业的 JSON 文件开始，只问缺少的内容'],
  ['write the answers as canonical JSON (gz-awards simulate FILE gives the same result)', '把回答保存为标准 JSON（gz-awards simulate 文件 得到相同结果）'],
  ['also write the self-contained HTML report', '同时生成独立的 HTML 报告'],
  ['the unified social credit code (default: the placeholder 000000000000000000)', '统一社会信用代码（默认占位 000000000000000000）'],
  ["the enterprise's name", '企业名称'],
  ['the performance years to ask about, e.g. "2025 2026" (default: asked)', '要测算的业绩年度，如 "2025 2026"（默认：询问）'],
  ['interpretations, e.g. threshold=exceed,growthAverage=arithmetic', '解释口径，如 threshold=exceed,growthAverage=arithmetic'],
  ['parameter overrides (YAML or JSON; see the README, Parameter overrides)', '参数覆盖文件（YAML 或 JSON；见 README 的 Parameter overrides）'],
  ['output format (html: the self-contained printable report)', '输出格式（html：可打印的独立报告）'],
  ['show every check with its article', '显示每一步检查及其条款'],
  ['show only this performance year', '只显示该业绩年度'],
  ['show only these years: 2024-2026 or 2024,2026', '只显示这些年度：2024-2026 或 2024,2026'],
  ['also show not-in-force results for years outside validity', '同时显示有效期外年度的“不在有效期”结果'],
  ['accept ids with a wrong GB 32100 check character (with a warning)', '接受校验码错误的统一社会信用代码（给出警告）'],
  ['unknown fields are errors, not warnings', '未知字段按错误处理（而非警告）'],
  ['unknown columns and fields are errors, not warnings', '未知列和字段按错误处理（而非警告）'],
  ['set an input field, e.g. years.2025.onlineRetailSales=3.1e9 (repeatable)', '设置一个输入字段，如 years.2025.onlineRetailSales=3.1e9（可重复）'],
  ['input file (JSON object/array/JSON Lines or CSV), or - for standard input', '输入文件（JSON 对象/数组/JSON Lines 或 CSV），或 - 表示标准输入'],
  ['output format', '输出格式'],
  ['report format', '报告格式'],
  ['display help for command', '显示命令帮助'],
  ['output the version number', '显示版本号'],
  ['Usage: ', '用法：'],
  ['Usage:', '用法：'],
  ['Options:', '选项：'],
  ['Commands:', '命令：'],
  ['Arguments:', '参数：'],
  ['(default: ', '（默认：'],
  ['(choices: ', '（可选：'],
];

/** Commander's error sentences, as patterns. */
const ZH_ERRORS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^error: unknown option '([^']+)'/m, "错误：未知选项 '$1'"],
  [/^error: unknown command '([^']+)'/m, "错误：未知命令 '$1'"],
  [/^error: missing required argument '([^']+)'/m, "错误：缺少必需的参数 '$1'"],
  [/^error: required option '([^']+)' not specified/m, "错误：必须指定选项 '$1'"],
  [/^error: option '([^']+)' argument missing/m, "错误：选项 '$1' 缺少值"],
  [/^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+?)\.$/m, "错误：选项 '$1' 的值 '$2' 无效，可选：$3。"],
  [/^error: too many arguments.*$/m, '错误：参数过多'],
  [/\(Did you mean (.+?)\?\)/, '（是否想输入 $1？）'],
];

/** A help text or error in the language of the run. */
export function translate(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  let out = text;
  for (const [re, zh] of ZH_ERRORS) out = out.replace(re, zh);
  for (const [en, zh] of ZH) out = out.split(en).join(zh);
  // commander closes "(default: x)" and "(choices: a, b)" with a half-width bracket
  return out.replace(/（(默认|可选)：([^)\n]*)\)/g, '（$1：$2）');
}
