/**
 * JSON text → the texts of its records, incrementally, so that a JSON array of a million enterprises is read
 * without holding it: a top-level array gives its elements (with their index), top-level objects one after another
 * give each object (a single object, or JSON Lines that happen to keep one object a line), with the line it starts
 * on. Strings and escapes are respected; each record's text is parsed on its own later, so a syntax error costs
 * one record. In `lines` mode (a .jsonl file) every non-blank line is one record, whatever it holds.
 */

export interface JsonItem {
  text: string;
  at: { row?: number; index?: number };
  /** Line and column (1-based) of the record's first character in its file. */
  line: number;
  column: number;
}

const WS = new Set([32, 9, 10, 13, 0xfeff]);

export class JsonSplitter {
  private mode: 'start' | 'array' | 'objects' | 'done' | 'lines';
  private inItem = false;
  private depth = 0;
  private inStr = false;
  private esc = false;
  /** The current item's text from earlier chunks. */
  private carry = '';
  private itemLine = 0;
  private itemColumn = 1;
  /** Characters of the file before the text being pushed, and where the current line starts among them. */
  private seen = 0;
  private lineStart = 0;
  private index = 0;
  private line = 1;
  /** Problems of the file as a whole (text outside records), as message keys. */
  readonly fileProblems: Array<{ key: string; args?: Record<string, number> }> = [];
  private wasArray = false;

  constructor(lines = false) {
    this.mode = lines ? 'lines' : 'start';
  }

  /** Whether the text began a top-level array (its records carry indexes). */
  get isArray(): boolean {
    return this.wasArray;
  }

  push(text: string): JsonItem[] {
    return this.mode === 'lines' ? this.pushLines(text) : this.pushValues(text);
  }

  end(): JsonItem[] {
    const out: JsonItem[] = [];
    if (this.mode === 'lines') {
      if (this.carry.trim() !== '') out.push({ text: this.carry, at: { row: this.line }, line: this.line, column: 1 });
    } else if (this.inItem) {
      // The file ends inside a record: hand over what there is, so that it is reported, not lost.
      out.push(this.item(this.carry));
    }
    if (this.mode === 'array') this.fileProblems.push({ key: 'json.unclosed-array' });
    this.carry = '';
    this.inItem = false;
    return out;
  }

  private pushLines(text: string): JsonItem[] {
    const out: JsonItem[] = [];
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl === -1) {
        this.carry += text.slice(pos);
        return out;
      }
      const line = this.carry + text.slice(pos, nl);
      this.carry = '';
      if (line.trim() !== '') out.push({ text: line, at: { row: this.line }, line: this.line, column: 1 });
      this.line++;
      pos = nl + 1;
    }
  }

  private item(text: string): JsonItem {
    const where = { line: this.itemLine, column: this.itemColumn };
    return this.mode === 'array' ? { text, at: { index: this.index++ }, ...where } : { text, at: { row: this.itemLine }, ...where };
  }

  private pushValues(text: string): JsonItem[] {
    const out: JsonItem[] = [];
    const n = text.length;
    let start = this.inItem ? 0 : -1;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.line++;
        this.lineStart = this.seen + i + 1;
      }
      if (this.inItem) {
        if (this.inStr) {
          if (this.esc) this.esc = false;
          else if (c === 92) this.esc = true; // backslash
          else if (c === 34) this.inStr = false;
          continue;
        }
        if (c === 34) this.inStr = true;
        else if (c === 123 || c === 91) this.depth++;
        else if (c === 125 || c === 93) {
          if (this.depth === 0) {
            // a "]" that closes the array after a scalar element
            out.push(this.item(this.carry + text.slice(start, i)));
            this.closeItem();
            this.mode = 'done';
            continue;
          }
          this.depth--;
          if (this.depth === 0) {
            out.push(this.item(this.carry + text.slice(start, i + 1)));
            this.closeItem();
          }
        } else if (this.depth === 0 && (c === 44 || (this.mode === 'objects' && c === 10))) {
          // the end of a scalar element (array) or of a line that held no object (objects)
          out.push(this.item(this.carry + text.slice(start, i)));
          this.closeItem();
        }
        continue;
      }
      if (WS.has(c)) continue;
      switch (this.mode) {
        case 'start':
          if (c === 91) {
            this.mode = 'array';
            this.wasArray = true;
            continue;
          }
          this.mode = 'objects';
          break;
        case 'array':
          if (c === 44) continue;
          if (c === 93) {
            this.mode = 'done';
            continue;
          }
          break;
        case 'done':
          if (this.fileProblems.length === 0) this.fileProblems.push({ key: 'json.trailing', args: { line: this.line } });
          continue;
        default:
          break;
      }
      // a record begins here
      this.inItem = true;
      this.itemLine = this.line;
      this.itemColumn = this.seen + i - this.lineStart + 1;
      start = i;
      this.depth = 0;
      this.inStr = false;
      this.esc = false;
      if (c === 123 || c === 91) this.depth = 1;
      else if (c === 34) this.inStr = true;
    }
    if (this.inItem) this.carry += text.slice(Math.max(start, 0));
    this.seen += n;
    return out;
  }

  private closeItem(): void {
    this.inItem = false;
    this.carry = '';
    this.depth = 0;
  }
}
