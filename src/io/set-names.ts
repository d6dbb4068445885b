/**
 * The names `simulate --set NAME=VALUE` takes: canonical paths of the input contract (years.2025.onlineRetailSales,
 * registeredCapital.amount, district) and the template's column names in both languages (实物商品网上零售额_2025,
 * online_retail_sales_2025, 名单_鸿鹄, project_platform), read by the same header reader as CSV and XLSX. Inputs a
 * policy file declares are named alike: years.2025.annualSales or 年销售额_2025; inputs.category or its header.
 * A name that is neither is refused with the closest names.
 */
import { inputDef, inputsOf } from '../domain/vocabulary.js';
import { closestHeaders, editDistance, readHeader } from './columns.js';

/** What a --set name sets: a value at a path, or entries appended to a list of the contract. */
export type SetTarget =
  | { kind: 'path'; path: string[] }
  | { kind: 'list'; list: string }
  | { kind: 'project'; type: string }
  | { kind: 'prior' }
  | { kind: 'funding' };

const TOP = ['id', 'name', 'district', 'tracks', 'years', 'inputs', 'lists', 'projects', 'registeredCapital', 'priorAwards', 'higherLevelFunding'];
const CAPITAL = ['amount', 'firstInstallment', 'registeredOn', 'fullyPaidOn'];
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The target of a name, or null with the closest names a user may have meant. */
export function setTarget(name: string): { target: SetTarget } | { target: null; closest: string[] } {
  const path = name.split('.');
  if (!path.some((p) => p === '' || FORBIDDEN.has(p))) {
    if (path.length === 1 && TOP.includes(name)) return { target: { kind: 'path', path } };
    if (path[0] === 'years' && path.length === 3 && /^\d{4}$/.test(path[1]!) && inputDef(path[2]!)?.store === 'year') return { target: { kind: 'path', path } };
    if (path[0] === 'inputs' && path.length === 2 && inputDef(path[1]!)?.store === 'static') return { target: { kind: 'path', path } };
    if (path[0] === 'registeredCapital' && path.length === 2 && CAPITAL.includes(path[1]!)) return { target: { kind: 'path', path } };
  }
  const col = readHeader(name).column;
  if (col) {
    switch (col.kind) {
      case 'year':
        return { target: { kind: 'path', path: ['years', String(col.year), col.field] } };
      case 'capital':
        return { target: { kind: 'path', path: ['registeredCapital', col.key] } };
      case 'list':
        return { target: { kind: 'list', list: col.list } };
      case 'project':
        return { target: { kind: 'project', type: col.type } };
      case 'input':
        return { target: { kind: 'path', path: ['inputs', col.id] } };
      case 'prior':
        return { target: { kind: 'prior' } };
      case 'funding':
        return { target: { kind: 'funding' } };
      default:
        return { target: { kind: 'path', path: [col.kind] } };
    }
  }
  return { target: null, closest: closest(name) };
}

/** Canonical paths and template names nearest to a name. */
function closest(name: string): string[] {
  const canonical = [
    ...TOP.filter((k) => k !== 'years' && k !== 'registeredCapital' && k !== 'inputs'),
    ...inputsOf('year').map((d) => `years.YYYY.${d.id}`),
    ...inputsOf('static').map((d) => `inputs.${d.id}`),
    ...CAPITAL.map((k) => `registeredCapital.${k}`),
  ];
  const field = name.split('.').pop() ?? name;
  const byPath = canonical
    .map((c) => ({ c, d: Math.min(editDistance(name.toLowerCase(), c.toLowerCase()), editDistance(field.toLowerCase(), (c.split('.').pop() ?? c).toLowerCase())) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 2)
    .map((x) => x.c);
  const byHeader = closestHeaders(name, 2).names;
  return [...new Set([...byHeader, ...byPath])].slice(0, 4);
}
