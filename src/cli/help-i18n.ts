/**
 * `--help` and commander's usage errors in the run's language. The program is declared in English; a Chinese
 * run translates commander's own words, its error sentences and the descriptions this table knows (the rest
 * stay as declared). The language is decided before commander parses: `--lang`, else the locale.
 */
import type { Lang } from '../domain/labels.js';
import { envLang } from './common.js';

/**
 * The language of this run, from the command line (`--lang zh`, `--lang=en`, before or after the command; the
 * last one counts, as for commander) or the locale.
 */
export function argvLang(argv: readonly string[]): Lang {
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'zh' || v === 'en') lang = v;
  }
  return lang ?? envLang();
}

/** Descriptions and commander's fixed words, English → Chinese. */
const ZH: ReadonlyArray<readonly [string, string]> = [
  // a description that holds a shorter one (output format …) comes before it: the table is applied in order
  ["a district's enterprises (CSV, XLSX, JSON, JSON Lines; - for stdin), streamed: an award table, a summary by district and measure, the rejected rows", '批量测算一个区的企业（CSV、XLSX、JSON、JSON Lines；- 表示标准输入），流式处理：奖励表、按区和措施的汇总、未通过校验的记录'],
  ['input files (CSV wide layout, .xlsx workbook, JSON array, JSON Lines), or - for standard input', '输入文件（宽表 CSV、.xlsx 工作簿、JSON 数组、JSON Lines），或 - 表示标准输入'],
  ['input files (CSV, .xlsx, JSON, JSON Lines), or - for standard input', '输入文件（CSV、.xlsx、JSON、JSON Lines），或 - 表示标准输入'],
  ['input file (JSON object/array/JSON Lines, CSV or .xlsx), or - for standard input', '输入文件（JSON 对象/数组/JSON Lines、CSV 或 .xlsx），或 - 表示标准输入'],
  ['input files, or - for standard input', '输入文件，或 - 表示标准输入'],
  ['write to a file; the format comes from its extension: .csv .json .jsonl .xlsx', '写入文件；格式由扩展名决定：.csv .json .jsonl .xlsx'],
  ['output format (default: from --out, else csv to standard output; xlsx needs --out)', '输出格式（默认：按 --out 的扩展名，否则以 csv 输出到标准输出；xlsx 须配合 --out）'],
  ['wide: one row per enterprise (the award table); long: one row per enterprise × measure × year', 'wide：每个企业一行（奖励表）；long：每个企业 × 措施 × 年度一行'],
  ['only these districts, e.g. 天河 or Tianhe,Yuexiu', '只算这些区，如 天河 或 Tianhe,Yuexiu'],
  ['also show not-in-force results for years outside validity (long layout, JSON)', '同时显示有效期外年度的“不在政策有效期内”结果（long 表、JSON）'],
  ['worker threads (output stays in input order)', '工作线程数（输出仍按输入顺序）'],
  ['worker threads (the report is the same)', '工作线程数（报告不变）'],
  ['also write the summary by district and measure (.csv, .json or .xlsx)', '同时写出按区和措施的汇总（.csv、.json 或 .xlsx）'],
  ['write every rejected record with its file, row and reasons (.csv, .json, .jsonl or .xlsx)', '写出每条未通过校验的记录及其文件、行号和原因（.csv、.json、.jsonl 或 .xlsx）'],
  ['no colour, as NO_COLOR does', '不使用颜色（同 NO_COLOR）'],
  ["also list the enterprises close to a tier award's next tier: within SHARE (e.g. 10%) on every condition they miss", '同时列出接近进档奖励下一档的企业：每个未达到的条件都差在 SHARE（如 10%）以内'],
  ['where the list of --near goes (.csv or .xlsx; default: beside --out, e.g. awards.near.csv)', '--near 名单写到哪里（.csv 或 .xlsx；默认：--out 旁边，如 awards.near.csv）'],
  ['also write the district at a glance: one self-contained HTML page with charts, .html (zh or en, as --lang)', '同时生成全区一览：一个带图表的独立 HTML 页面，.html（中文或英文，随 --lang）'],
  ['the unit every amount of an HTML report is shown in (the data files keep exact 元)', 'HTML 报告中所有金额的显示单位（数据文件仍为精确到分的元）'],
  ['no progress bar, even on a terminal', '不显示进度条（终端上也不显示）'],
  ['input encoding (default: detected: UTF-8, GB18030/GBK, UTF-16)', '输入编码（默认：自动识别 UTF-8、GB18030/GBK、UTF-16）'],
  ['unit of bare amounts (CSV, XLSX, JSON, --set); a unit in a cell or header wins', '未写单位的金额按此单位读取（CSV、XLSX、JSON、--set）；单元格或列名自带的单位优先'],
  ['input format (default: from the extension, else sniffed)', '输入格式（默认：按扩展名，否则按内容识别）'],
  ['the sheet of an .xlsx input: its name, else its number from 1 (default: the first)', '.xlsx 输入的工作表：名称，或从 1 起的序号（默认：第一个）'],
  ['the years of the yearly columns', '按年份的列包含哪些年度'],
  ['the new parameter set (YAML or JSON)', '新的参数集（YAML 或 JSON）'],
  ['the baseline parameter set (default: the published parameters)', '基准参数集（默认：政策公布的参数）'],
  ['write the report to a file: .xml for junit, .json for json, .txt or .md for text (the readable report still goes to the terminal)', '把报告写入文件：junit 为 .xml，json 为 .json，text 为 .txt 或 .md（终端上仍显示可读的报告）'],
  ['write the report to a file: .txt or .md for table, .json for json, .csv for csv', '把报告写入文件：table 为 .txt 或 .md，json 为 .json，csv 为 .csv'],
  ['how many of the largest changes to list', '列出变化最大的多少家企业'],
  ['exit 1 when any result changed (for CI)', '任一结果有变化时以 1 退出（供 CI 使用）'],
  ['compare only this performance year', '只比较该业绩年度'],
  ['compare only these years: 2024-2026 or 2024,2026', '只比较这些年度：2024-2026 或 2024,2026'],
  ['interpretations applied to both runs, e.g. threshold=exceed', '两次测算都采用的解释口径，如 threshold=exceed'],
  ['parameter overrides applied under every case (its own params on top)', '每个用例都先套用的参数覆盖（用例自己的参数再叠加其上）'],
  ['parameter overrides (YAML or JSON)', '参数覆盖文件（YAML 或 JSON）'],
  ["a policy file (YAML or JSON) computed beside the built-in documents; one with a built-in's id replaces it (repeatable)", '政策文件（YAML 或 JSON），与内置文件一并计算；id 与内置文件相同的替换该文件（可重复）'],
  ['a draft policy file to cost against the baseline: the same id replaces that document, a new id adds one (repeatable)', '要与基准比较测算的政策草案文件：id 相同的替换该文件，新的 id 作为新增文件（可重复）'],
  ['print the JSON Schema of a policy file (for editors) and exit', '输出政策文件的 JSON Schema（供编辑器补全和检查）后退出'],
  ['every article of the documents: the measures that model it, or why it is not modelled', '文件的每一条：实现它的措施，或未实现的原因'],
  ['POLICY or POLICY/MEASURE, e.g. gz-2025-ecommerce/scale-tier', '政策 或 政策/措施，如 gz-2025-ecommerce/scale-tier'],
  ['run only the cases whose name contains the text (case-insensitive)', '只运行名称包含该文字的用例（不区分大小写）'],
  ['scenario files, or directories searched for .yaml, .yml and .json', '场景文件，或在其中查找 .yaml、.yml、.json 的目录'],
  ["Which support measures of Guangzhou's e-commerce policies an enterprise qualifies for, and for how much.", '企业可享受广州市电子商务政策的哪些扶持措施、金额多少。'],
  ['the guided self-check: asks, most money first, only what the results depend on; then results, next tiers, where to apply', '企业自查：按金额从高到低只问结果所需的问题，然后给出结果、下一档和申报指引'],
  ['one enterprise (JSON, a one-row CSV, "-" for stdin, or --set flags): every result with its reason and article', '测算一个企业（JSON、单行 CSV、"-" 表示标准输入，或 --set）：每项结果及其理由和条款'],
  ['the catalogue: documents, measures, articles, parameters, validity, interpretations', '政策目录：文件、措施、条款、参数、有效期、解释口径'],
  ['runs scenario files (YAML/JSON): each case passed or failed, with the details of every failure', '运行场景文件（YAML/JSON）：每个用例通过或失败，并列出失败详情'],
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
  ['parameter overrides (YAML or JSON; see docs/rule-changes.md)', '参数覆盖文件（YAML 或 JSON；见 docs/rule-changes.md）'],
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
  [', default: ', '，默认：'],
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
