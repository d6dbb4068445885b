/** Messages of the scenario commands (`test`, `diff`), merged into the catalogue of render/messages.ts. */
type Text = (a: Record<string, string | number | bigint | boolean | null | undefined>) => string;

const v = (x: unknown, none: string) => (x === null || x === undefined || x === '' ? none : String(x));

export const zh: Record<string, Text> = {
  'scenario.params': (a) => `参数覆盖：${a['file']}（sha256 ${a['sha256']}）`,
  'scenario.case-params': (a) => `参数文件：${a['files']}`,
  'scenario.line': (a) => `第 ${a['line']} 行`,
  'scenario.at': (a) => `${a['ref']} ${a['year']} 年（第 ${a['line']} 行）`,
  'scenario.diff': (a) => `${a['field']}：期望 ${v(a['expected'], '无')}，实际 ${v(a['actual'], '无')}`,
  'scenario.actual': (a) =>
    `实际结果：${a['status']}${a['tier'] ? `，第${a['tier']}档` : ''}${a['amount'] ? `，金额 ${a['amount']}` : ''}，申报年 ${a['applicationYear']}${a['supersededBy'] ? `，让位于 ${a['supersededBy']}` : ''}`,
  'scenario.checks': () => '判定依据：',
  'scenario.no-result': (a) => `没有 ${a['year']} 年的结果（该措施有结果的年份：${v(a['years'], '无')}）`,
  'scenario.no-result.all': () => '不在有效期的年份只在 all: true 时列出（not-in-force）',
  'scenario.unexpected': () => '期望没有这一结果（absent），实际有：',
  'scenario.total': (a) => `total（合计）：期望 ${a['expected']}，实际 ${a['actual']}（第 ${a['line']} 行）`,
  'scenario.counted': (a) => `计入合计：${v(a['items'], '无')}`,
  'scenario.input-rejected': () => '输入被拒绝，未能计算：',
  'scenario.problem': (a) => `第 ${a['line']} 行，${a['path'] || '(顶层)'}：${a['message']}`,
  'scenario.rejection-missing': (a) => `期望输入在 ${a['path'] || '(顶层)'} 处被拒绝${a['says'] ? `，提示包含“${a['says']}”` : ''}；没有这样的问题`,
  'scenario.warning-missing': (a) => `期望在 ${a['path'] || '(顶层)'} 处有警告${a['says'] ? `，提示包含“${a['says']}”` : ''}；没有这样的警告`,
  'scenario.problems-found': (a) => (Number(a['count']) === 0 ? '输入没有任何问题' : '实际的问题：'),
  'scenario.summary': (a) => `通过 ${a['passed']} 个，失败 ${a['failed']} 个`,
  'scenario.no-match': (a) => `没有名称包含“${a['filter']}”的用例`,
  'scenario.malformed': (a) => `${a['count']} 个场景文件有误，未运行任何用例`,
};

export const en: Record<string, Text> = {
  'scenario.params': (a) => `parameter overrides: ${a['file']} (sha256 ${a['sha256']})`,
  'scenario.case-params': (a) => `parameters files: ${a['files']}`,
  'scenario.line': (a) => `line ${a['line']}`,
  'scenario.at': (a) => `${a['ref']} ${a['year']} (line ${a['line']})`,
  'scenario.diff': (a) => `${a['field']}: expected ${v(a['expected'], 'none')}, actual ${v(a['actual'], 'none')}`,
  'scenario.actual': (a) =>
    `actual result: ${a['status']}${a['tier'] ? `, tier ${a['tier']}` : ''}${a['amount'] ? `, amount ${a['amount']}` : ''}, applied for in ${a['applicationYear']}${a['supersededBy'] ? `, superseded by ${a['supersededBy']}` : ''}`,
  'scenario.checks': () => 'checks that decided it:',
  'scenario.no-result': (a) => `no result for ${a['year']} (the measure has results for: ${v(a['years'], 'none')})`,
  'scenario.no-result.all': () => 'years outside validity are listed (not-in-force) only with all: true',
  'scenario.unexpected': () => 'expected no such result (absent), actual:',
  'scenario.total': (a) => `total: expected ${a['expected']}, actual ${a['actual']} (line ${a['line']})`,
  'scenario.counted': (a) => `counted in the total: ${v(a['items'], 'nothing')}`,
  'scenario.input-rejected': () => 'the input was rejected, nothing was computed:',
  'scenario.problem': (a) => `line ${a['line']}, ${a['path'] || '(top)'}: ${a['message']}`,
  'scenario.rejection-missing': (a) => `expected the input to be rejected at ${a['path'] || '(top)'}${a['says'] ? ` with a message containing "${a['says']}"` : ''}; no such problem`,
  'scenario.warning-missing': (a) => `expected a warning at ${a['path'] || '(top)'}${a['says'] ? ` with a message containing "${a['says']}"` : ''}; no such warning`,
  'scenario.problems-found': (a) => (Number(a['count']) === 0 ? 'the input had no problems' : 'the problems found:'),
  'scenario.summary': (a) => `${a['passed']} passed, ${a['failed']} failed`,
  'scenario.no-match': (a) => `no case's name contains "${a['filter']}"`,
  'scenario.malformed': (a) => `${a['count']} scenario file(s) are malformed; no case was run`,
};
