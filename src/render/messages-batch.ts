/** Messages of the batch commands (batch, template, validate and the streaming reader), merged into the catalogue of render/messages.ts. */
type Text = (a: Record<string, string | number | bigint | boolean | null | undefined>) => string;

export const zh: Record<string, Text> = {
  'csv.unclosed-quote': () => '引号未闭合：该行的带引号单元格一直没有结束（文件可能在行中截断）；只跳过本行，从下一行继续读取',
  'csv.header-quote': () => '表头行的引号未闭合，无法读取列名',
  'json.unclosed-array': () => 'JSON 数组没有以“]”结束（文件可能被截断）；已读取的记录有效',
  'json.trailing': (a) => `JSON 数组结束后第 ${a['line']} 行还有多余内容，已忽略`,
  'file.no-records': () => '文件中没有任何记录',
  'batch.nothing-read': () => '没有读到任何记录，未输出结果',
  'validate.counts': (a) => `共 ${a['records']} 条记录：可读取 ${a['valid']} 条，有错误 ${a['rejected']} 条${Number(a['fileErrors']) ? `；文件问题 ${a['fileErrors']} 个` : ''}；警告 ${a['warnings']} 条`,
  'batch.more-problems': (a) => `……另有 ${a['n']} 条问题未在此显示，全部见 ${a['file']}`,
  'batch.more-warnings': (a) => `……另有 ${a['n']} 条警告未在此显示`,
  'batch.counts': (a) =>
    `共读取 ${a['records']} 条记录：输出 ${a['output']} 条，拒绝 ${a['rejected']} 条${a['rejectsFile'] ? `（见 ${a['rejectsFile']}）` : ''}` +
    `${Number(a['skipped']) ? `，其他区跳过 ${a['skipped']} 条` : ''}${Number(a['fileErrors']) ? `，无法读取的文件问题 ${a['fileErrors']} 个` : ''}；警告 ${a['warnings']} 条`,
};

export const en: Record<string, Text> = {
  'csv.unclosed-quote': () => 'a quoted cell is never closed (the file may end mid-row); this row is skipped and reading goes on with the next line',
  'csv.header-quote': () => 'a quoted cell of the header row is never closed: the columns cannot be read',
  'json.unclosed-array': () => 'the JSON array is not closed with "]" (the file may be cut short); the records read so far stand',
  'json.trailing': (a) => `unexpected text after the end of the JSON array at line ${a['line']}; ignored`,
  'file.no-records': () => 'the file holds no records',
  'batch.nothing-read': () => 'no record could be read: nothing was written',
  'validate.counts': (a) => `${a['records']} records: ${a['valid']} valid, ${a['rejected']} with errors${Number(a['fileErrors']) ? `; ${a['fileErrors']} file problems` : ''}; ${a['warnings']} warnings`,
  'batch.more-problems': (a) => `… and ${a['n']} more problems not shown here; all are in ${a['file']}`,
  'batch.more-warnings': (a) => `… and ${a['n']} more warnings not shown here`,
  'batch.counts': (a) =>
    `${a['records']} records read: ${a['output']} in the output, ${a['rejected']} rejected${a['rejectsFile'] ? ` (see ${a['rejectsFile']})` : ''}` +
    `${Number(a['skipped']) ? `, ${a['skipped']} of other districts skipped` : ''}${Number(a['fileErrors']) ? `, ${a['fileErrors']} file problems` : ''}; ${a['warnings']} warnings`,
};
