/** Messages of the readers (headers, units, spreadsheets, limits), merged into the catalogue of render/messages.ts. */
type Text = (a: Record<string, string | number | bigint | boolean | null | undefined>) => string;

const SOURCE_ZH: Record<string, string> = { header: '表头写明', title: '标题行写明', flag: '按 --unit', default: '默认，未写单位' };
const SOURCE_EN: Record<string, string> = { header: 'named in the header', title: 'named in a title row', flag: 'from --unit', default: 'the default: no unit written' };

export const zh: Record<string, Text> = {
  'id.as-number': () => '统一社会信用代码被表格存成了数字，后几位已丢失（如 9.14401011904434E+17）；请把该列设为“文本”格式后重新输入代码',
  'too-many-columns': (a) => `表头有 ${a['found']} 列，超过上限 ${a['max']} 列：这不像本程序的数据表`,
  'column-year-range': (a) => `列“${a['column']}”的年份 ${a['year']} 不在 ${a['min']}—${a['max']} 之内，该列未读取`,
  'unknown-column-like': (a) => `未知列“${a['column']}”，像是本程序的字段：是不是 ${a['suggestions']}？请按模板（gz-awards template）改列名，否则该列会被当作没有数据`,
  'unknown-columns-more': (a) => `……另有 ${a['n']} 个未知列未逐一列出`,
  'no-measure-columns': (a) => `没有认出任何一项措施要读取的列（零售额、名单、项目、注册资本等），无法计算${a['closest'] ? `；最接近的列名：${a['closest']}` : ''}（列名见 gz-awards template）`,
  'cell-too-long': (a) => `单元格有 ${a['length']} 个字符，超过上限 ${a['max']}`,
  'line-too-long': (a) => `该行超过 ${a['max']} 个字符，已跳过`,
  'json.too-deep': (a) => `记录嵌套超过 ${a['max']} 层，不予读取`,
  'json.too-long': (a) => `记录超过 ${a['max']} 个字符，不予读取`,
  'file.xls': () => '这是旧版 Excel 工作簿（.xls），不能读取：请在 Excel 或 WPS 中“另存为”→“Excel 工作簿 (*.xlsx)”，再读取该 .xlsx 文件',
  'file.looks-like': (a) => `这不是文本表格，像是${a['zh']}；请给出 CSV、JSON、JSON Lines 或 .xlsx 文件`,
  'xlsx.unreadable': (a) => `无法读取 .xlsx 工作簿：${a['message']}`,
  'xlsx.no-sheet': (a) => `工作簿中没有名为或序号为“${a['sheet']}”的工作表；现有：${a['sheets']}`,
  'small-amounts': (a) => `列“${a['column']}”的金额全部小于 10,000 元（按 ${a['unit']} 读取）：文件是否以万元为单位？如是，请加 --unit 万元 或在表头写“（万元）”`,
  'units.read': (a) => `金额列 ${a['columns']}（共 ${a['n']} 列）按 ${a['unit']} 读取（${SOURCE_ZH[String(a['source'])] ?? a['source']}）；单元格自带单位的（如 31亿）按其单位`,
};

export const en: Record<string, Text> = {
  'id.as-number': () => 'the spreadsheet stored this unified social credit code as a number and lost its last digits (like 9.14401011904434E+17); format the column as Text and enter the codes again',
  'too-many-columns': (a) => `the header has ${a['found']} columns, more than the ${a['max']} allowed: this is not a table of this program`,
  'column-year-range': (a) => `column "${a['column']}": the year ${a['year']} is outside ${a['min']}–${a['max']}; the column is not read`,
  'unknown-column-like': (a) => `unknown column "${a['column']}" looks like one of this program's fields: did you mean ${a['suggestions']}? Rename it as in gz-awards template, or its figures would be read as missing`,
  'unknown-columns-more': (a) => `… and ${a['n']} more unknown columns not listed`,
  'no-measure-columns': (a) => `no column that any measure reads was recognised (sales, lists, projects, capital…): nothing can be computed${a['closest'] ? `; closest names: ${a['closest']}` : ''} (see gz-awards template for the names)`,
  'cell-too-long': (a) => `the cell has ${a['length']} characters, more than the ${a['max']} allowed`,
  'line-too-long': (a) => `the line is longer than ${a['max']} characters; skipped`,
  'json.too-deep': (a) => `the record is nested deeper than ${a['max']} levels; not read`,
  'json.too-long': (a) => `the record is longer than ${a['max']} characters; not read`,
  'file.xls': () => 'this is a legacy Excel workbook (.xls), which is not read: in Excel or WPS choose Save As → "Excel Workbook (*.xlsx)" and give the .xlsx file',
  'file.looks-like': (a) => `this is not a text table: it looks like ${a['en']}; give a CSV, JSON, JSON Lines or .xlsx file`,
  'xlsx.unreadable': (a) => `the .xlsx workbook cannot be read: ${a['message']}`,
  'xlsx.no-sheet': (a) => `the workbook has no sheet named or numbered "${a['sheet']}"; its sheets: ${a['sheets']}`,
  'small-amounts': (a) => `every amount of column "${a['column']}" is below 10,000 元 (read in ${a['unit']}): is the file in 万元? If so, give --unit 万元 or write "(万元)" in the header`,
  'units.read': (a) => `amount columns ${String(a['columns']).replace(/、/g, ', ')} (${a['n']} in all) read in ${a['unit']} (${SOURCE_EN[String(a['source'])] ?? a['source']}); a cell with its own unit (31亿) in that unit`,
};
