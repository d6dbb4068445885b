/**
 * The shell of every HTML report (an enterprise's self-check, a district's awards): one self-contained page that
 * needs no network and no script. Text is escaped here and only here; markup built with these helpers is an
 * `Html` value, so a string from an input can never be mistaken for markup. Fonts come from the system's CJK
 * font stack (nothing is downloaded), and the print styles lay the page out on A4.
 */
import type { Lang } from '../domain/labels.js';

/** Markup that is already safe to place in a page. Build it with the helpers below, never by hand. */
export interface Html {
  readonly html: string;
}

/** Something a helper accepts as content: text (escaped), markup, or nothing. */
export type Content = string | number | bigint | Html | null | undefined | false | readonly Content[];

/** Escapes text for an HTML element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Marks markup as trusted: only for markup this program made (an SVG chart), never for an input. */
export function trusted(markup: string): Html {
  return { html: markup };
}

/** Turns content into markup: text is escaped, markup kept, lists joined, nothing dropped. */
export function render(content: Content): string {
  if (content === null || content === undefined || content === false) return '';
  if (Array.isArray(content)) return content.map(render).join('');
  if (typeof content === 'object') return (content as Html).html;
  return escapeHtml(String(content));
}

/** Any element: `el('p', { class: 'note' }, 'text')`. Attribute values are escaped; `false`/`null` omit one. */
export function el(tag: string, attrs: Record<string, string | number | boolean | null | undefined>, ...children: Content[]): Html {
  if (!/^[a-z][a-z0-9-]*$/.test(tag)) throw new Error(`not a tag name: ${tag}`);
  let open = `<${tag}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(k)) throw new Error(`not an attribute name: ${k}`);
    open += v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`;
  }
  return { html: `${open}>${render(children)}</${tag}>` };
}

/** A section of the report: a heading and its content; print keeps a heading with what follows it. */
export function section(title: Content, ...body: Content[]): Html {
  return el('section', {}, el('h2', {}, title), ...body);
}

/** A paragraph; `note` makes it the small grey kind. */
export function paragraph(text: Content, o: { note?: boolean } = {}): Html {
  return el('p', { class: o.note ? 'note' : null }, text);
}

/** Label–value pairs (the enterprise, the run), as a two-column list. */
export function facts(pairs: readonly (readonly [Content, Content])[]): Html {
  return el('dl', { class: 'facts' }, pairs.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** One column of a table: its heading, and `num` to right-align figures. */
export interface Column {
  head: Content;
  num?: boolean;
  /** Short text that must not break (an article, a status, a year of application). */
  nowrap?: boolean;
  /** A name (a measure, an enterprise): wraps between words, never between the characters of one. */
  name?: boolean;
  /** Running text (a reason): wide enough on a phone to read as lines, not as a column of words. */
  text?: boolean;
}

/**
 * A table in a frame of its own: a table wider than the screen scrolls inside the frame (a phone), never the
 * page; in print the frame lets it be. A header row and body rows; cells are content (text escaped). A `num`
 * column is right-aligned and never wraps; a `nowrap` one (an article, a status) neither; a `name` one wraps
 * by words only, at a width that keeps a measure's name readable.
 */
export function table(columns: readonly Column[], rows: readonly (readonly Content[])[], o: { caption?: Content; foot?: readonly Content[] } = {}): Html {
  const cls = (c: Column | undefined) => (c?.num ? 'num' : c?.nowrap ? 'nowrap' : c?.name ? 'name' : c?.text ? 'text' : null);
  return el('div', { class: 'frame' }, el(
    'table',
    {},
    o.caption ? el('caption', {}, o.caption) : null,
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { class: cls(c), scope: 'col' }, c.head)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((cell, i) => el('td', { class: cls(columns[i]) }, cell))))),
    o.foot ? el('tfoot', {}, el('tr', {}, o.foot.map((cell, i) => el('td', { class: cls(columns[i]) }, cell)))) : null,
  ));
}

/** A figure: a chart (or any markup) with its caption; print never splits it across pages. */
export function figure(body: Content, caption?: Content): Html {
  return el('figure', {}, body, caption ? el('figcaption', {}, caption) : null);
}

/** The system fonts that carry Chinese on macOS, Windows and Linux, then the generic family. Nothing is fetched. */
export const FONT_STACK =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Heiti SC", sans-serif';

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --band: #f6f8fa; --accent: #0b5cad; --warn: #9a6700; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; color: var(--ink); background: #fff; font-size: 15px; line-height: 1.6; -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 3rem; overflow-wrap: break-word; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; padding-bottom: .5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
header .subtitle { color: var(--muted); margin: 0; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
p { margin: .5rem 0; }
.note { color: var(--muted); font-size: .875rem; }
.mark { color: var(--warn); font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem 1.25rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; min-width: 0; }
.frame { max-width: 100%; overflow-x: auto; margin: .75rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .35rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); border-bottom: 2px solid var(--line); font-weight: 600; white-space: nowrap; }
tfoot td { font-weight: 600; border-top: 2px solid var(--line); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.name { min-width: 9em; word-break: keep-all; overflow-wrap: break-word; }
.text { min-width: 16em; }
.status-eligible { color: #1a7f37; font-weight: 600; }
.status-needs-data { color: #9a6700; font-weight: 600; }
.status-ineligible, .status-not-in-force { color: var(--muted); }
blockquote { margin: .35rem 0; padding: .1rem .75rem; border-left: 3px solid var(--line); color: var(--muted); font-size: .85rem; }
figure { margin: 1rem 0; min-width: 0; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .85rem; }
.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
.pair > * { min-width: 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(330px, 1fr)); gap: 1rem; }
.charts svg { width: 100%; max-width: 480px; }
.chart-narrow { display: none; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); padding-top: .5rem; }
footer dl.facts { font-size: .8rem; }
@media (max-width: 720px) {
  body { padding: 1rem .9rem 2rem; }
  .pair { grid-template-columns: minmax(0, 1fr); }
  .charts { grid-template-columns: minmax(0, 1fr); }
  dl.facts { grid-template-columns: minmax(0, 1fr); gap: 0 0; }
  dl.facts dd { margin-bottom: .4rem; }
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
  .chart-narrow svg { width: 100%; }
}
@page { size: A4; margin: 16mm 14mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  figure, tr, blockquote, dl.facts, .charts, .chart-wide, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  /* a subtotal prints once, under its rows (a footer group would repeat on every page) */
  tfoot { display: table-row-group; }
  .frame { overflow: visible; }
  .chart-wide { display: block; }
  .chart-narrow { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;

/** What a page holds: its language, title, an optional subtitle, the sections and a closing note. */
export interface PageSpec {
  lang: Lang;
  title: string;
  subtitle?: Content;
  body: readonly Content[];
  footer?: Content;
}

/**
 * The whole document. A Content-Security-Policy forbids scripts and every network fetch, so the page shows
 * the same offline, in a mail attachment or printed.
 */
export function page(spec: PageSpec): string {
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  return (
    '<!DOCTYPE html>\n' +
    el(
      'html',
      { lang: spec.lang === 'zh' ? 'zh-CN' : 'en' },
      el(
        'head',
        {},
        trusted('<meta charset="utf-8">'),
        trusted(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`),
        trusted('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        el('title', {}, spec.title),
        el('style', {}, trusted(STYLE)),
      ),
      el(
        'body',
        {},
        el('header', {}, el('h1', {}, spec.title), spec.subtitle ? el('p', { class: 'subtitle' }, spec.subtitle) : null),
        el('main', {}, spec.body),
        spec.footer ? el('footer', {}, spec.footer) : null,
      ),
    ).html +
    '\n'
  );
}
