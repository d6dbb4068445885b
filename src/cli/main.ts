/**
 * The gz-awards command line. Commands are declared here (so --help is complete) and loaded only when run,
 * keeping start-up light: `simulate` never loads the XLSX writer or the encodings.
 */
import { Argument, Command, Help, Option } from 'commander';
import type { Msg } from '../domain/result.js';
import { FileError, removeTemporaries } from '../io/sink.js';
import { t } from '../render/messages.js';
import { EXIT, formatProblem, KeyedError, say, UsageError } from './common.js';
import { helpFooter } from './help-examples.js';
import { synonymsHelp } from '../interview/words.js';
import { argvLang, translate } from './help-i18n.js';
import { VERSION } from '../render/run-record.js';

/** One language for everything the run prints, help and usage errors included (src/cli/help-i18n.ts). */
const runLang = argvLang(process.argv.slice(2));
const LANG = runLang;

// Standard output failing: the reader went away (| head) ends quietly; anything else (a full disk) is one message.
// Either way no temporary file is left.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  removeTemporaries();
  if (err.code !== 'EPIPE') say(`gz-awards: ${t({ key: 'fs.stdout', args: { code: err.code ?? 'error' } }, LANG)}\n`);
  process.exit(err.code === 'EPIPE' ? EXIT.ok : EXIT.usage);
});

const program = new Command();
program
  .name('gz-awards')
  .description("Which support measures of Guangzhou's e-commerce policies an enterprise qualifies for, and for how much.")
  .version(VERSION)
  .showHelpAfterError(runLang === 'zh' ? '（加 --help 查看用法）' : '(add --help for additional information)')
  .configureOutput({ writeErr: (s) => say(s), outputError: (s, write) => write(translate(s, runLang)) })
  .configureHelp({
    optionDescription(this: Help, o: Option) {
      return translate(Help.prototype.optionDescription.call(this, o), runLang);
    },
    argumentDescription(this: Help, a: Argument) {
      return translate(Help.prototype.argumentDescription.call(this, a), runLang);
    },
    subcommandDescription(this: Help, c: Command) {
      return translate(Help.prototype.subcommandDescription.call(this, c), runLang);
    },
    commandDescription(this: Help, c: Command) {
      return translate(Help.prototype.commandDescription.call(this, c), runLang);
    },
    formatHelp(this: Help, c: Command, helper: Help) {
      return translate(Help.prototype.formatHelp.call(this, c, helper), runLang);
    },
  })
  .exitOverride();

const lang = () => new Option('--lang <lang>', 'language of tables and messages (default: from LC_ALL, LC_MESSAGES, LANG; else zh)').choices(['zh', 'en']);
const noColor = () => new Option('--no-color', 'no colour, as NO_COLOR does');
const collect = (v: string, prev: string[]) => [...prev, v];
const POLICY_HELP = "a policy file (YAML or JSON) computed beside the built-in documents; one with a built-in's id replaces it (repeatable)";

// --lang and --no-color are the program's own, so they may come before the command (gz-awards --lang en batch …)
// as well as after it; commander gives them to the program either way, and the command is handed them here.
program.addOption(lang()).addOption(noColor()).addHelpText('after', helpFooter('gz-awards', runLang));
program.hook('preAction', (_program, command) => {
  const global = program.opts<{ lang?: string; color?: boolean }>();
  if (global.lang !== undefined) command.setOptionValue('lang', global.lang);
  if (global.color === false) process.env['NO_COLOR'] = '1';
});

/** --display-unit: the one unit of a report's amounts (--unit reads input amounts; this only shows them). */
function displayUnit(): Option {
  return new Option('--display-unit <unit>', 'the unit every amount of an HTML report is shown in (the data files keep exact 元)').choices(['元', '万元', '亿元']).default('万元');
}

/** What every command ends with: --no-color in its options, and its examples and exit codes (help-examples.ts). */
function finish(c: Command): Command {
  return c.addOption(noColor()).addHelpText('after', helpFooter(c.name(), runLang));
}

program
  .command('simulate')
  .description('one enterprise (JSON, a one-row CSV, "-" for stdin, or --set flags): every result with its reason and article')
  .argument('[file]', 'input file (JSON object/array/JSON Lines, CSV or .xlsx), or - for standard input')
  .option('--set <key=value>', 'set an input field, e.g. years.2025.onlineRetailSales=3.1e9 (repeatable)', collect, [])
  .addOption(new Option('--format <format>', 'output format (html: the self-contained printable report)').choices(['table', 'json', 'csv', 'md', 'html']).default('table'))
  .addOption(lang())
  .option('--explain', 'show every check with its article')
  .option('--year <year>', 'show only this performance year')
  .option('--years <years>', 'show only these years: 2024-2026 or 2024,2026')
  .option('--all', 'also show not-in-force results for years outside validity')
  .option('--interpret <list>', 'interpretations, e.g. threshold=exceed,growthAverage=arithmetic')
  .option('--lenient-id', 'accept ids with a wrong GB 32100 check character (with a warning)')
  .option('--strict', 'unknown fields are errors, not warnings')
  .addOption(new Option('--encoding <enc>', 'input encoding (default: detected: UTF-8, GB18030/GBK, UTF-16)').choices(['auto', 'utf8', 'gb18030', 'gbk', 'utf16']).default('auto'))
  .addOption(new Option('--unit <unit>', 'unit of bare amounts (CSV, XLSX, JSON, --set); a unit in a cell or header wins').choices(['元', '万元', '亿元']).default('元'))
  .option('--params <file>', 'parameter overrides (YAML or JSON; see docs/rule-changes.md)')
  .option('--policy <file>', POLICY_HELP, collect, [])
  .option('--sheet <sheet>', 'the sheet of an .xlsx input: its name, else its number from 1 (default: the first)')
  .addOption(displayUnit())
  .action(async (file: string | undefined, opts: Record<string, unknown>) => {
    const { simulate } = await import('./simulate.js');
    process.exitCode = await simulate(file, opts);
  });

const CHECK_SUMMARY = 'the guided self-check: asks, most money first, only what the results depend on; then results, next tiers, where to apply';
program
  .command('check')
  .summary(CHECK_SUMMARY)
  // the answers it reads (是/有/y, 否/没有/n, 无, 不知道, 上一题), in the help's own language
  .description(`${CHECK_SUMMARY}\n\n${synonymsHelp(runLang)}`)
  .argument('[file]', 'start from this JSON file of one enterprise and ask only what is missing')
  .addOption(lang())
  .option('--save <file>', 'write the answers as canonical JSON (gz-awards simulate FILE gives the same result)')
  .option('--report <file>', 'also write the self-contained HTML report')
  .addOption(displayUnit())
  .option('--id <id>', 'the unified social credit code (default: the placeholder 000000000000000000)')
  .option('--name <name>', "the enterprise's name")
  .option('--years <years>', 'the performance years to ask about, e.g. "2025 2026" (default: asked)')
  .option('--interpret <list>', 'interpretations, e.g. threshold=exceed,growthAverage=arithmetic')
  .option('--params <file>', 'parameter overrides (YAML or JSON)')
  .option('--policy <file>', POLICY_HELP, collect, [])
  .action(async (file: string | undefined, opts: Record<string, unknown>) => {
    const { check } = await import('./check.js');
    process.exitCode = await check(file, opts);
  });

program
  .command('rules')
  .description('the catalogue: documents, measures, articles, parameters, validity, interpretations')
  .argument('[target]', 'POLICY or POLICY/MEASURE, e.g. gz-2025-ecommerce/scale-tier')
  .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
  .option('--coverage', 'every article of the documents: the measures that model it, or why it is not modelled')
  .option('--policy <file>', POLICY_HELP, collect, [])
  .option('--policy-schema', 'print the JSON Schema of a policy file (for editors) and exit')
  .addOption(lang())
  .action(async (target: string | undefined, opts: Record<string, unknown>) => {
    const { rules } = await import('./rules.js');
    process.exitCode = await rules(target, opts);
  });

program
  .command('test')
  .description('runs scenario files (YAML/JSON): each case passed or failed, with the details of every failure')
  .argument('<targets...>', 'scenario files, or directories searched for .yaml, .yml and .json')
  .addOption(new Option('--reporter <reporter>', 'report format').choices(['text', 'junit', 'json']).default('text'))
  .option('--out <file>', 'write the report to a file: .xml for junit, .json for json, .txt or .md for text (the readable report still goes to the terminal)')
  .option('--filter <text>', "run only the cases whose name contains the text (case-insensitive)")
  .option('--params <file>', 'parameter overrides applied under every case (its own params on top)')
  .option('--policy <file>', POLICY_HELP, collect, [])
  .addOption(lang())
  .action(async (targets: string[], opts: Record<string, unknown>) => {
    const { test } = await import('./test.js');
    process.exitCode = await test(targets, opts);
  });

/** The options of the streaming reader, shared by batch and validate. */
function readerOptions(c: Command): Command {
  return c
    .option('--lenient-id', 'accept ids with a wrong GB 32100 check character (with a warning)')
    .option('--strict', 'unknown columns and fields are errors, not warnings')
    .addOption(new Option('--encoding <enc>', 'input encoding (default: detected: UTF-8, GB18030/GBK, UTF-16)').choices(['auto', 'utf8', 'gb18030', 'gbk', 'utf16']).default('auto'))
    .addOption(new Option('--unit <unit>', 'unit of bare amounts (CSV, XLSX, JSON, --set); a unit in a cell or header wins').choices(['元', '万元', '亿元']).default('元'))
    .addOption(new Option('--input-format <format>', 'input format (default: from the extension, else sniffed)').choices(['auto', 'csv', 'json', 'jsonl']).default('auto'))
    .option('--sheet <sheet>', 'the sheet of an .xlsx input: its name, else its number from 1 (default: the first)');
}

readerOptions(
  program
    .command('batch')
    .description("a district's enterprises (CSV, XLSX, JSON, JSON Lines; - for stdin), streamed: an award table, a summary by district and measure, the rejected rows")
    .argument('<files...>', 'input files (CSV wide layout, .xlsx workbook, JSON array, JSON Lines), or - for standard input')
    .option('--out <file>', 'write to a file; the format comes from its extension: .csv .json .jsonl .xlsx')
    .addOption(new Option('--format <format>', 'output format (default: from --out, else csv to standard output; xlsx needs --out)').choices(['csv', 'json', 'jsonl', 'xlsx']))
    .addOption(new Option('--layout <layout>', 'wide: one row per enterprise (the award table); long: one row per enterprise × measure × year').choices(['wide', 'long']).default('wide'))
    .option('--district <names>', 'only these districts, e.g. 天河 or Tianhe,Yuexiu')
    .option('--year <year>', 'show only this performance year')
    .option('--years <years>', 'show only these years: 2024-2026 or 2024,2026')
    .option('--all', 'also show not-in-force results for years outside validity (long layout, JSON)')
    .option('--interpret <list>', 'interpretations, e.g. threshold=exceed,growthAverage=arithmetic')
    .option('--params <file>', 'parameter overrides (YAML or JSON; see docs/rule-changes.md)')
    .option('--policy <file>', POLICY_HELP, collect, [])
    .addOption(lang())
    .option('--jobs <n>', 'worker threads (output stays in input order)', '1')
    .option('--summary <file>', 'also write the summary by district and measure (.csv, .json or .xlsx)')
    .option('--rejects <file>', 'write every rejected record with its file, row and reasons (.csv, .json, .jsonl or .xlsx)')
    .option('--near <share>', 'also list the enterprises close to a tier award\'s next tier: within SHARE (e.g. 10%) on every condition they miss')
    .option('--near-out <file>', 'where the list of --near goes (.csv or .xlsx; default: beside --out, e.g. awards.near.csv)')
    .option('--report <file>', 'also write the district at a glance: one self-contained HTML page with charts, .html (zh or en, as --lang)')
    .addOption(displayUnit())
    .option('--no-progress', 'no progress bar, even on a terminal'),
).action(async (files: string[], opts: Record<string, unknown>) => {
  const { batch } = await import('./batch.js');
  process.exitCode = await batch(files, opts);
});

program
  .command('template')
  .description('an input CSV template: the headers the reader accepts, with a sample row')
  .addOption(lang())
  .option('--years <years>', 'the years of the yearly columns', '2023-2027')
  .option('--policy <file>', POLICY_HELP, collect, [])
  .action(async (opts: Record<string, unknown>) => {
    const { template } = await import('./template.js');
    process.exitCode = await template(opts);
  });

readerOptions(
  program
    .command('validate')
    .description('checks input files without computing: every problem of every row (ids, districts, numbers, years)')
    .argument('<files...>', 'input files, or - for standard input')
    .option('--policy <file>', POLICY_HELP, collect, [])
    .addOption(lang()),
).action(async (files: string[], opts: Record<string, unknown>) => {
  const { validate } = await import('./validate.js');
  process.exitCode = await validate(files, opts);
});

readerOptions(
  program
    .command('diff')
    .description('the same enterprises under two parameter sets: who gains, who loses, totals by district and measure')
    .argument('<files...>', 'input files (CSV, .xlsx, JSON, JSON Lines), or - for standard input')
    .option('--params <file>', 'the new parameter set (YAML or JSON)')
    .option('--base-params <file>', 'the baseline parameter set (default: the published parameters)')
    .option('--policy <file>', POLICY_HELP, collect, [])
    .option('--policy-new <file>', 'a draft policy file to cost against the baseline: the same id replaces that document, a new id adds one (repeatable)', collect, [])
    .addOption(new Option('--format <format>', 'report format').choices(['table', 'json', 'csv']).default('table'))
    .option('--out <file>', 'write the report to a file: .txt or .md for table, .json for json, .csv for csv')
    .option('--top <n>', 'how many of the largest changes to list', '10')
    .option('--fail-on-change', 'exit 1 when any result changed (for CI)')
    .addOption(lang())
    .option('--year <year>', 'compare only this performance year')
    .option('--years <years>', 'compare only these years: 2024-2026 or 2024,2026')
    .option('--interpret <list>', 'interpretations applied to both runs, e.g. threshold=exceed')
    .option('--jobs <n>', 'worker threads (the report is the same)', '1'),
).action(async (files: string[], opts: Record<string, unknown>) => {
  const { diff } = await import('./diff.js');
  process.exitCode = await diff(files, opts);
});

for (const c of program.commands) finish(c);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = handle(err);
}

function handle(err: unknown): number {
  const e = err as { code?: string; exitCode?: number };
  if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // commander has printed its message; help and version are not errors
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof FileError) {
    const msg: Msg = err.path === null ? { key: 'fs.stdout', args: { code: err.code } } : { key: 'fs.write', args: { path: err.path, code: err.code } };
    if (err.path === null && err.code === 'EPIPE') return EXIT.ok;
    say(`gz-awards: ${t(msg, LANG)}\n`);
    return EXIT.usage;
  }
  if (err instanceof KeyedError) {
    say(`gz-awards: ${t(err.msg, LANG)}\n`);
    return EXIT.usage;
  }
  if (err instanceof UsageError) {
    say(`gz-awards: ${err.message}\n`);
    for (const p of err.problems) say(formatProblem(p, runLang) + '\n');
    return EXIT.usage;
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EPIPE') return EXIT.ok; // the reader went away (| head): not our error
  const path = (err as NodeJS.ErrnoException).path;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof path === 'string') {
    // a file-system failure no command named more precisely: still the user's path and cause, not a bug
    say(`gz-awards: ${t({ key: 'fs.path', args: { path, code } }, LANG)}\n`);
    return EXIT.usage;
  }
  say(`gz-awards: internal error: ${(err as Error).message ?? String(err)}\n`);
  if (process.env['GZ_AWARDS_DEBUG']) say(String((err as Error).stack) + '\n');
  else say('(set GZ_AWARDS_DEBUG=1 for details; please report this)\n');
  return 70;
}
