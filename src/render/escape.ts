/**
 * The one place where text meets a terminal: control characters from an input (a name, a district, a header, a
 * file name, a flag) are shown as visible escapes, so that no file can move the cursor, clear the screen, retitle
 * the window or hide text. C0 controls other than tab and newline, DEL, the C1 controls and ESC become `\x1b`,
 * `\x7f`, `\x9b`, `\r`…; everything else is unchanged. Files the user asked for (CSV, JSON, XLSX) keep the data
 * as it was: this is applied only to messages and to what is written to standard output for reading.
 */

// C0 except \t (09) and \n (0a), DEL, C1. ESC (1b) is a C0 control.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// The same, sparing the colour sequences (SGR: ESC [ digits m) a renderer added on purpose.
const CONTROL_KEEP_SGR = /\x1b\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

const visible = (c: string): string => {
  if (c === '\r') return '\\r';
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
};

/** The text with every control character (but tab and newline) shown as an escape. */
export function escapeTerminal(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, visible) : text;
}

/**
 * The same for coloured text: SGR colour sequences are kept (a renderer's own), every other control is escaped.
 * Used only when colour is on, where the text was painted by us.
 */
export function escapeTerminalKeepColour(text: string): string {
  return text.replace(CONTROL_KEEP_SGR, (m) => (m.length > 1 ? m : visible(m)));
}
