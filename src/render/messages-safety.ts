/**
 * Messages about files and paths (outputs that would overwrite an input, file-system failures),
 * merged into the catalogue of render/messages.ts.
 */
type Text = (a: Record<string, string | number | bigint | boolean | null | undefined>) => string;

/** What a file-system error code means, for people. */
const CAUSE = {
  zh: {
    ENOENT: '文件夹不存在，且无法创建',
    ENOTDIR: '路径中有一段是文件而不是文件夹',
    EACCES: '没有写入权限',
    EPERM: '没有写入权限',
    EROFS: '该位置只读',
    EISDIR: '这是一个文件夹，不是文件',
    ENOSPC: '磁盘已满',
    EDQUOT: '磁盘配额已用完',
    EFBIG: '文件过大',
    ENAMETOOLONG: '文件名过长',
    ELOOP: '符号链接循环',
    EMFILE: '打开的文件过多',
    EIO: '读写设备出错',
    EBUSY: '文件被占用',
    NOTFILE: '不是普通文件',
  },
  en: {
    ENOENT: 'the folder does not exist and cannot be made',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the place is read-only',
    EISDIR: 'it is a folder, not a file',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file is too large',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'a loop of symbolic links',
    EMFILE: 'too many open files',
    EIO: 'an input/output error of the device',
    EBUSY: 'the file is busy',
    NOTFILE: 'not a regular file',
  },
} as const;

/** The file-system error codes that get a message of their own (others are bugs or show their code). */
export const FS_CODES = new Set(Object.keys(CAUSE.en));

const cause = (lang: 'zh' | 'en', code: unknown) => (CAUSE[lang] as Record<string, string>)[String(code)] ?? String(code);

export const zh: Record<string, Text> = {
  'out.same-as-input': (a) => `${a['flag']} ${a['path']} 与输入文件 ${a['input']} 是同一个文件：输出绝不覆盖输入，请换一个文件名；未读取任何内容`,
  'out.same-as-output': (a) => `${a['flag']} ${a['path']} 与 ${a['other']} ${a['otherPath']} 是同一个文件：两个输出不能写入同一个文件`,
  'out.format-mismatch': (a) => `${a['flag']} ${a['path']}：扩展名 ${a['ext']} 与格式 ${a['format']} 不符（此处可用：${a['accepted']}）`,
  'fs.write': (a) => `无法写入 ${a['path']}：${cause('zh', a['code'])}（${a['code']}）`,
  'fs.stdout': (a) => `无法写入标准输出：${cause('zh', a['code'])}（${a['code']}）`,
  'fs.read': (a) => `无法读取 ${a['path']}：${cause('zh', a['code'])}（${a['code']}）`,
  'fs.path': (a) => `${a['path']}：${cause('zh', a['code'])}（${a['code']}）`,
  'years.outside': (a) => `警告：--years 中的 ${a['years']} 年不在任何政策文件的有效期内，这些年份没有可适用的措施（--all 可显示“未生效”的结果）`,
};

export const en: Record<string, Text> = {
  'out.same-as-input': (a) => `${a['flag']} ${a['path']} is the same file as the input ${a['input']}: an output never overwrites an input; choose another name (nothing was read)`,
  'out.same-as-output': (a) => `${a['flag']} ${a['path']} is the same file as ${a['other']} ${a['otherPath']}: two outputs cannot share a file`,
  'out.format-mismatch': (a) => `${a['flag']} ${a['path']}: the extension ${a['ext']} does not match the format ${a['format']} (accepted here: ${a['accepted']})`,
  'fs.write': (a) => `cannot write ${a['path']}: ${cause('en', a['code'])} (${a['code']})`,
  'fs.stdout': (a) => `cannot write to standard output: ${cause('en', a['code'])} (${a['code']})`,
  'fs.read': (a) => `cannot read ${a['path']}: ${cause('en', a['code'])} (${a['code']})`,
  'fs.path': (a) => `${a['path']}: ${cause('en', a['code'])} (${a['code']})`,
  'years.outside': (a) => `warning: --years: ${a['years']} lies outside the validity of every document; no measure can apply in those years (--all shows the not-in-force results)`,
};
