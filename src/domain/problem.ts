/**
 * A problem with input, as data: where (file, row or JSON path, field), what was expected (a message key of
 * render/messages and its arguments), what was found. Collected, never thrown one at a time.
 */
import type { Msg } from './result.js';

export interface Problem {
  severity: 'error' | 'warning';
  /** File name, or "-" for standard input; filled in by the reader. */
  file?: string;
  /** 1-based data row of a CSV file (header is row 1), or the index of a record in a JSON array / JSON Lines. */
  row?: number;
  /** JSON path or CSV column, e.g. "years.2025.onlineRetailSales" or "online_retail_sales_2025". */
  path: string;
  expected: Msg;
  /** The offending value as found, quoted in messages. */
  received?: string;
}

export function error(path: string, key: string, args?: Msg['args'], received?: string): Problem {
  return { severity: 'error', path, expected: args ? { key, args } : { key }, ...(received !== undefined ? { received } : {}) };
}

export function warning(path: string, key: string, args?: Msg['args'], received?: string): Problem {
  return { severity: 'warning', path, expected: args ? { key, args } : { key }, ...(received !== undefined ? { received } : {}) };
}
