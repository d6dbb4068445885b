/**
 * node bench/passthrough.mjs IN OUT: the yardstick of SPEC §9 — a bare csv-parse → csv-stringify pass-through of
 * the same file, streamed, with nothing computed.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';

const [input, output] = process.argv.slice(2);
await pipeline(createReadStream(input), parse(), stringify(), createWriteStream(output));
