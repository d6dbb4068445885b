/**
 * node bench/rss.mjs OUTFILE SCRIPT ARGS…: runs SCRIPT with ARGS as if it were the main module and writes its
 * peak resident set size (KB, process.resourceUsage().maxRSS, worker threads included) to OUTFILE at exit.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [out, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
await import(pathToFileURL(script).href);
