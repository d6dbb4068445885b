/** Names users may give for measures (priorAwards, higherLevelFunding): policy/measure, bare measure ids, list ids. */
import { LIST_IDS } from '../domain/enterprise.js';
import { POLICIES, policiesVersion } from './index.js';

let names: ReadonlySet<string> | undefined;
let madeAt = -1;

export function knownMeasureNames(): ReadonlySet<string> {
  if (names && madeAt === policiesVersion()) return names;
  madeAt = policiesVersion();
  const out = new Set<string>(LIST_IDS);
  for (const p of POLICIES) {
    for (const m of p.measures) {
      out.add(`${p.id}/${m.id}`);
      out.add(m.id);
    }
  }
  return (names = out);
}
