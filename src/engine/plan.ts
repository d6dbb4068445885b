/**
 * The application plan (SPEC §6): which eligible cash results to take when some exclude each other, and what
 * each tier award pays as a top-up over the tiers already awarded. `optimal` searches every conflict-free set
 * of the results involved in a conflict or a ledger (a handful per enterprise); `greedy` decides application
 * year by application year, higher amount first.
 */
import type { Enterprise } from '../domain/enterprise.js';
import type { Fen } from '../domain/money.js';
import { isCash, type Check, type Result } from '../domain/result.js';
import { rulesInScope, type ConflictRule } from './conflicts.js';
import type { Interpretation } from './interpretation.js';
import type { RuleSet } from './ruleset.js';

/** Beyond this many interacting results the search would be slow; such a plan is made greedily. */
const MAX_SEARCH = 16;

interface Item {
  r: Result;
  ref: string;
  /** Tier reached, for ledger items. */
  tier: number;
}

export function settlePlan(results: Result[], e: Enterprise, rs: RuleSet, it: Interpretation): void {
  const rules = rulesInScope(rs.conflicts.rules, it.sameYearScope);
  const involved = involvedMeasures(rules);
  const yearOf = yearKey(it);
  const priors = e.priorAwards.length > 0 ? priorItems(e, rs) : NO_PRIORS;

  // The results whose fate depends on others: in a conflict rule or in a ledger. Most enterprises have none.
  const candidates: Result[] = [];
  for (const r of results) {
    if (r.status !== 'eligible') continue;
    // 000 第二十条 against awards already received: a prior award takes part in every conflict rule.
    if (priors.length > 0 && involved.has(r.ref) && blockedByPrior(r, priors, rules, yearOf)) continue;
    if (isCash(r.kind) && (r.ledger || involved.has(r.ref))) candidates.push(r);
  }
  // After awards already received have barred what they bar: a row they made ineligible keeps nothing.
  if (rs.sameItem.size > 0) settleUnweighedSameItems(results, rules, it);
  if (candidates.length === 0) return;

  // 1. The same item under two documents: one result of each year is weighed by the plan, the other follows it.
  // INTERPRETATION: sameItem — "从优、从高、不重复": the larger award (ties: the preferred document) or always it.
  const sameItem = new Map<Result, Result>();
  for (const rule of rules) {
    if (rule.kind !== 'same-item') continue;
    for (const r of candidates) {
      if (!rule.others.includes(r.ref)) continue;
      const first = candidates.find((p) => p.year === r.year && p.ref === rule.preferred);
      if (!first) continue;
      if (it.sameItem !== 'first-document' && (r.amount ?? 0n) > (first.amount ?? 0n)) sameItem.set(first, r);
      else sameItem.set(r, first);
    }
  }

  const items: Item[] = [];
  for (const r of candidates) if (!sameItem.has(r)) items.push({ r, ref: r.ref, tier: r.tier ?? 0 });
  items.sort((a, b) => a.r.year - b.r.year);

  const ctx: PlanContext = { items, rules, yearOf, prefer: new Set(rs.conflicts.preferOnTie), priors: priorTiers(e, rs) };
  const chosen = !anyConflict(ctx) ? takeInOrder(ctx) : it.planning === 'greedy' || items.length > MAX_SEARCH ? chooseGreedy(ctx) : chooseOptimal(ctx);
  apply(ctx, chosen);

  for (const [other, keep] of sameItem) {
    if (keep.status === 'ineligible') {
      other.status = 'ineligible';
      other.amount = null;
      other.checks.push(keep.checks[keep.checks.length - 1]!);
    } else {
      other.status = 'superseded';
      // Its own amount: what it would pay in the kept result's place (a top-up over the same awarded tier).
      other.amount = ownAmount(ctx, other, chosen);
      other.supersededBy = `${keep.ref}@${keep.year}`;
    }
  }
}

/**
 * The same item under two documents when neither result is cash (an exhibition or a standard under 000 and 003,
 * both "金额另定"): nothing for the plan to weigh, but one project is still supported once. The preferred
 * document's result is kept, unless (INTERPRETATION: sameItem=higher) the other has the larger amount; the other
 * gives way with its own amount and the result it gave way to.
 */
function settleUnweighedSameItems(results: Result[], rules: readonly ConflictRule[], it: Interpretation): void {
  for (const rule of rules) {
    if (rule.kind !== 'same-item') continue;
    for (const r of results) {
      if (r.status !== 'eligible' || isCash(r.kind) || !rule.others.includes(r.ref)) continue;
      const first = results.find((p) => p.status === 'eligible' && !isCash(p.kind) && p.year === r.year && p.ref === rule.preferred);
      if (!first) continue;
      const [other, keep] = it.sameItem !== 'first-document' && (r.amount ?? 0n) > (first.amount ?? 0n) ? [first, r] : [r, first];
      other.status = 'superseded';
      other.supersededBy = `${keep.ref}@${keep.year}`;
    }
  }
}

/** The year two results are compared by under 第二十条's "当年" (INTERPRETATION: sameYear). */
function yearKey(it: Interpretation): (r: { year: number; applicationYear: number }) => number {
  return it.sameYear === 'performance' ? (r) => r.year : (r) => r.applicationYear;
}

function ownAmount(ctx: PlanContext, r: Result, chosen: readonly Item[]): Fen | null {
  if (!r.ledger || r.tier === null) return r.amount;
  const before = awardedBefore(ctx, r.ledger.name, r.year, chosen.filter((c) => c.r.year < r.year));
  return topUp({ r, ref: r.ref, tier: r.tier }, before.tier);
}

/** An award received outside the data, as the conflict rules see it. */
interface PriorItem {
  ref: string;
  year: number;
  applicationYear: number;
  /** How the user named it, for messages. */
  name: string;
}

const NO_PRIORS: readonly PriorItem[] = Object.freeze([]);

/**
 * The prior awards as results of known measures: "policy/measure" as given; a bare measure id or list id is
 * the first document that has it (so "scale-tier" and "honghu" are 000's). Their year is the performance year
 * (the list year for list awards), as for results; the application year follows from the measure.
 */
function priorItems(e: Enterprise, rs: RuleSet): PriorItem[] {
  const out: PriorItem[] = [];
  for (const p of e.priorAwards) {
    const m = rs.byRef.get(p.measure) ?? firstWithId(rs, p.measure);
    if (!m) continue;
    out.push({ ref: m.ref, year: p.year, applicationYear: p.year + m.def.applicationLag, name: `${p.measure}@${p.year}` });
  }
  return out;
}

function firstWithId(rs: RuleSet, id: string) {
  for (const p of rs.policies) for (const m of p.measures) if (m.def.id === id) return m;
  return undefined;
}

/** Marks `r` ineligible when an award already received excludes it under a conflict rule; true if it did. */
function blockedByPrior(r: Result, priors: readonly PriorItem[], rules: readonly ConflictRule[], yearOf: (x: { year: number; applicationYear: number }) => number): boolean {
  for (const p of priors) {
    for (const rule of rules) {
      let hit = false;
      if (rule.kind === 'same-application-year') {
        const [g0, g1] = rule.groups;
        hit = yearOf(p) === yearOf(r) && ((g0.includes(p.ref) && g1.includes(r.ref)) || (g1.includes(p.ref) && g0.includes(r.ref)));
      } else if (rule.kind === 'once-in-life') {
        // The same measure in the same year is "already received" (evaluate.ts).
        hit = rule.measures.includes(p.ref) && rule.measures.includes(r.ref) && !(p.ref === r.ref && p.year === r.year);
      } else if (p.year === r.year && p.ref !== r.ref && !r.ledger) {
        // Tier awards settle the same item through their shared ledger (a prior tier is "already awarded").
        const all = [rule.preferred, ...rule.others];
        hit = all.includes(p.ref) && all.includes(r.ref);
      }
      if (!hit) continue;
      r.status = 'ineligible';
      r.amount = null;
      r.checks.push({
        id: 'prior-award',
        passed: false,
        msg: { key: `prior-award.${rule.kind}`, args: { prior: p.name, ref: p.ref, year: yearOf(p), article: rule.article } },
      });
      return true;
    }
  }
  return false;
}

/**
 * A result without an amount (set by another policy) cannot be weighed by the plan; when it excludes a cash
 * result of the same application year, it stays eligible and says so, and the applicant chooses.
 */
export function noteUnweighedConflicts(results: Result[], allRules: readonly ConflictRule[], it: Interpretation): void {
  const rules = rulesInScope(allRules, it.sameYearScope);
  const yearOf = yearKey(it);
  for (const rule of rules) {
    if (rule.kind !== 'same-application-year') continue;
    const [g0, g1] = rule.groups;
    for (const r of results) {
      if (r.status !== 'eligible' || isCash(r.kind)) continue;
      const others = g0.includes(r.ref) ? g1 : g1.includes(r.ref) ? g0 : null;
      if (!others) continue;
      for (const o of results) {
        if (o.status !== 'eligible' || yearOf(o) !== yearOf(r) || !others.includes(o.ref)) continue;
        const other = `${o.ref}@${o.year}`;
        // Under sameYearScope=with-livestream two rules name the same pair: one note.
        if (r.notes.some((n) => n.key === 'note.same-year-conflict' && n.args?.['other'] === other)) continue;
        r.notes = [...r.notes, { key: 'note.same-year-conflict', args: { other, article: rule.article } }];
      }
    }
  }
}

interface PlanContext {
  items: Item[];
  rules: readonly ConflictRule[];
  /** The year results are compared by under 第二十条 (application or performance). */
  yearOf: (r: { year: number; applicationYear: number }) => number;
  prefer: ReadonlySet<string>;
  /** Tiers already received outside the data: ledger name → [year, tier][]. */
  priors: Map<string, Array<[number, number]>>;
}

const INVOLVED = new WeakMap<readonly ConflictRule[], Set<string>>();

/** The measures named by a conflict rule (same item, same application year, once in life). */
function involvedMeasures(rules: readonly ConflictRule[]): Set<string> {
  const cached = INVOLVED.get(rules);
  if (cached) return cached;
  const out = new Set<string>();
  INVOLVED.set(rules, out);
  for (const rule of rules) {
    if (rule.kind === 'same-application-year') for (const g of rule.groups) for (const m of g) out.add(m);
    if (rule.kind === 'once-in-life') for (const m of rule.measures) out.add(m);
    if (rule.kind === 'same-item') for (const m of [rule.preferred, ...rule.others]) out.add(m);
  }
  return out;
}

function conflicts(ctx: PlanContext, a: Item, b: Item): boolean {
  for (const rule of ctx.rules) {
    if (rule.kind === 'same-application-year') {
      const [g0, g1] = rule.groups;
      if (ctx.yearOf(a.r) === ctx.yearOf(b.r) && ((g0.includes(a.ref) && g1.includes(b.ref)) || (g1.includes(a.ref) && g0.includes(b.ref)))) return true;
    } else if (rule.kind === 'once-in-life') {
      if (rule.measures.includes(a.ref) && rule.measures.includes(b.ref)) return true;
    } else if (a.r.year === b.r.year && a.ref !== b.ref) {
      const all = [rule.preferred, ...rule.others];
      if (all.includes(a.ref) && all.includes(b.ref)) return true;
    }
  }
  return false;
}

function priorTiers(e: Enterprise, rs: RuleSet): Map<string, Array<[number, number]>> {
  const out = new Map<string, Array<[number, number]>>();
  for (const p of e.priorAwards) {
    if (p.tier === undefined) continue;
    const ledger = rs.byRef.get(p.measure)?.def.ledger ?? (isLedgerName(rs, p.measure) ? p.measure : undefined);
    if (!ledger) continue;
    const list = out.get(ledger) ?? [];
    list.push([p.year, p.tier]);
    out.set(ledger, list);
  }
  return out;
}

function isLedgerName(rs: RuleSet, name: string): boolean {
  for (const m of rs.byRef.values()) if (m.def.ledger === name) return true;
  return false;
}

/** The highest tier already awarded in `ledger` before performance year `year`, and by what. */
function awardedBefore(ctx: PlanContext, ledger: string, year: number, chosen: readonly Item[]): { tier: number; by: string | null } {
  let tier = 0;
  let by: string | null = null;
  for (const [y, t] of ctx.priors.get(ledger) ?? []) if (y <= year && t > tier) [tier, by] = [t, `priorAwards: ${ledger}@${y}`];
  for (const c of chosen) {
    if (c.r.ledger?.name === ledger && c.r.year < year && c.tier > tier) [tier, by] = [c.tier, `${c.ref}@${c.r.year}`];
  }
  return { tier, by };
}

/** What a ledger item pays over the tier already awarded: A(k) − A(awarded); 0 when k is not above it. */
function topUp(item: Item, awarded: number): Fen {
  if (item.tier <= awarded) return 0n;
  const awards = item.r.ledger!.awards;
  return awards[item.tier - 1]! - (awarded > 0 ? awards[awarded - 1]! : 0n);
}

/** The amounts a set of chosen items pays, in the order given (by year); null when the set is not a valid plan. */
function amountsOf(ctx: PlanContext, chosen: readonly Item[]): Fen[] | null {
  const out: Fen[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const it = chosen[i]!;
    for (let j = 0; j < i; j++) if (conflicts(ctx, chosen[j]!, it)) return null;
    if (it.r.ledger) {
      const amount = topUp(it, awardedBefore(ctx, it.r.ledger.name, it.r.year, chosen.slice(0, i)).tier);
      if (amount <= 0n) return null;
      out.push(amount);
    } else {
      out.push(it.r.amount!);
    }
  }
  return out;
}

interface Plan {
  chosen: Item[];
  amounts: Fen[];
  total: Fen;
}

/** b is better than a: larger total; then paid earlier; then more under the preferred measures. */
function better(ctx: PlanContext, a: Plan | null, b: Plan): boolean {
  if (!a) return true;
  if (b.total !== a.total) return b.total > a.total;
  const byYear = (p: Plan) => {
    const m = new Map<number, Fen>();
    p.chosen.forEach((c, i) => m.set(c.r.applicationYear, (m.get(c.r.applicationYear) ?? 0n) + p.amounts[i]!));
    return m;
  };
  const ya = byYear(a);
  const yb = byYear(b);
  const years = [...new Set([...ya.keys(), ...yb.keys()])].sort((x, y) => x - y);
  for (const y of years) {
    const da = ya.get(y) ?? 0n;
    const db = yb.get(y) ?? 0n;
    if (da !== db) return db > da;
  }
  const preferred = (p: Plan) => p.chosen.reduce((s, c, i) => (ctx.prefer.has(c.ref) ? s + p.amounts[i]! : s), 0n);
  return preferred(b) > preferred(a);
}

function anyConflict(ctx: PlanContext): boolean {
  const { items } = ctx;
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) if (conflicts(ctx, items[i]!, items[j]!)) return true;
  return false;
}

/**
 * Without conflicts, taking every result that pays something, in year order, is the best plan: a ledger's
 * top-ups add up to the highest tier's award whatever is skipped, and this way is paid earliest.
 */
function takeInOrder(ctx: PlanContext): Item[] {
  const chosen: Item[] = [];
  for (const it of ctx.items) {
    if (!it.r.ledger || topUp(it, awardedBefore(ctx, it.r.ledger.name, it.r.year, chosen).tier) > 0n) chosen.push(it);
  }
  return chosen;
}

function chooseOptimal(ctx: PlanContext): Item[] {
  const n = ctx.items.length;
  let best: Plan | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const chosen = ctx.items.filter((_, i) => mask & (1 << i));
    const amounts = amountsOf(ctx, chosen);
    if (!amounts) continue;
    const plan = { chosen, amounts, total: amounts.reduce((s, a) => s + a, 0n) };
    if (better(ctx, best, plan)) best = plan;
  }
  return best?.chosen ?? [];
}

function chooseGreedy(ctx: PlanContext): Item[] {
  const chosen: Item[] = [];
  const years = [...new Set(ctx.items.map((i) => i.r.applicationYear))].sort((a, b) => a - b);
  for (const year of years) {
    const pay = (it: Item) => (it.r.ledger ? topUp(it, awardedBefore(ctx, it.r.ledger.name, it.r.year, chosen).tier) : it.r.amount!);
    const group = ctx.items
      .filter((i) => i.r.applicationYear === year)
      .map((it) => ({ it, amount: pay(it) }))
      .sort((a, b) => (a.amount === b.amount ? Number(ctx.prefer.has(b.it.ref)) - Number(ctx.prefer.has(a.it.ref)) : a.amount > b.amount ? -1 : 1));
    for (const { it } of group) {
      if (pay(it) > 0n && !chosen.some((c) => conflicts(ctx, c, it))) chosen.push(it);
    }
  }
  return chosen.sort((a, b) => a.r.year - b.r.year);
}

/** Writes the plan into the results: amounts of the chosen, and why each other one is not paid. */
function apply(ctx: PlanContext, chosen: Item[]): void {
  const amounts = amountsOf(ctx, chosen) ?? [];
  const paid = new Map<Item, Fen>(chosen.map((c, i) => [c, amounts[i]!]));
  for (const it of ctx.items) {
    const r = it.r;
    const amount = paid.get(it);
    if (amount !== undefined) {
      r.amount = amount;
      if (r.ledger) r.checks.push(ledgerCheck(ctx, it, chosen, true));
      continue;
    }
    if (r.ledger) {
      const before = awardedBefore(ctx, r.ledger.name, r.year, chosen);
      if (it.tier <= before.tier) {
        r.status = 'ineligible';
        r.amount = null;
        r.checks.push({ id: 'already-awarded', passed: false, msg: { key: 'already-awarded.fail', args: { tier: it.tier, awarded: before.tier, by: before.by } } });
        continue;
      }
      r.amount = topUp(it, before.tier);
    }
    const winner = chosen.find((c) => conflicts(ctx, c, it)) ?? chosen.find((c) => c.r.ledger?.name === r.ledger?.name && c.r.year > r.year);
    r.status = 'superseded';
    r.supersededBy = winner ? `${winner.ref}@${winner.r.year}` : null;
  }
}

function ledgerCheck(ctx: PlanContext, it: Item, chosen: readonly Item[], passed: boolean): Check {
  const before = awardedBefore(ctx, it.r.ledger!.name, it.r.year, chosen);
  return {
    id: 'already-awarded',
    passed,
    msg: before.tier > 0 ? { key: 'already-awarded.top-up', args: { tier: it.tier, awarded: before.tier, by: before.by } } : { key: 'already-awarded.pass' },
  };
}
