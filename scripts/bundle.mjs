#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/) into dist/bundle/, so that start-up reads a few files instead of a hundred
 * modules (SPEC §9: simulate within 3× `node -e 0`). Commands stay separate chunks, loaded when run; heavy or
 * rarely used packages (XLSX, encodings, YAML, progress bar, CSV) stay external and load from node_modules.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * zod re-exports its 40-odd locales as `z.locales`; nothing here uses them (messages are our own, and zod's
 * English default is imported on its own), but a namespace re-export defeats tree shaking. Half of zod's
 * start-up is compiling them, so the bundle gets an empty module in their place.
 */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/zod/`) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/batch/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs', 'iconv-lite', 'cli-progress', 'csv-parse', 'csv-stringify', 'yaml', 'decimal.js', 'echarts', '@inquirer/prompts'],
  // Bundled CommonJS packages (commander, cli-table3) call require() for Node built-ins.
  banner: { js: "import { createRequire as __gzRequire } from 'node:module'; const require = __gzRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [noZodLocales],
});
