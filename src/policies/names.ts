/** Names users may give for measures (priorAwards, higherLevelFunding): policy/measure, bare measure ids, list ids. */
import { LIST_IDS } from '../domain/enterprise.js';
import { POLICIES } from './index.js';

let names: ReadonlySet<string> | undefined;

export function knownMeasureNames(): ReadonlySet<string> {
  if (names) return names;
  const out = new Set<string>(LIST_IDS);
  for (const p of POLICIES) {
    for (const m of p.measures) {
      out.add(`${p.id}/${m.id}`);
      out.add(m.id);
    }
  }
  return (names = out);
}
