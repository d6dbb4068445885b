/** The explicit registry of policy documents, in the order results are listed. */
import type { ConflictRule } from '../engine/conflicts.js';
import { gd2012Ecommerce } from './gd-2012-ecommerce/index.js';
import type { PolicyDef } from './define.js';
import { gz2019Ecommerce } from './gz-2019-ecommerce/index.js';
import { gz2024CrossBorder } from './gz-2024-cross-border/index.js';
import { gz2025Ecommerce } from './gz-2025-ecommerce/index.js';
import { gz2025Livestream } from './gz-2025-livestream/index.js';

/** The five documents the tool ships. */
export const BUILT_IN_POLICIES: readonly PolicyDef[] = [gz2025Ecommerce, gz2025Livestream, gz2024CrossBorder, gz2019Ecommerce, gd2012Ecommerce];

/**
 * The documents of this run: the built-ins, with the policy files a command was given (--policy) put in place
 * by installPolicies before anything is evaluated. Read-only for everyone else.
 */
export const POLICIES: readonly PolicyDef[] = [...BUILT_IN_POLICIES];

/** The conflict rules the installed policy files declare (the built-ins' are engine/conflicts.ts). */
export const FILE_CONFLICTS: readonly ConflictRule[] = [];

let version = 0;
/** Changes whenever installPolicies changes POLICIES: caches of titles and names made from them start again. */
export function policiesVersion(): number {
  return version;
}

/**
 * Puts policy files in place: one whose id is a built-in's (or an earlier file's) replaces it where it stood,
 * the others come after the built-ins, in the order given. Returns the ids replaced.
 */
export function installPolicies(loaded: readonly { policy: PolicyDef; conflicts: readonly ConflictRule[] }[]): string[] {
  const list = POLICIES as PolicyDef[];
  const replaced: string[] = [];
  for (const { policy, conflicts } of loaded) {
    const at = list.findIndex((p) => p.id === policy.id);
    if (at >= 0) {
      list[at] = policy;
      replaced.push(policy.id);
    } else {
      list.push(policy);
    }
    (FILE_CONFLICTS as ConflictRule[]).push(...conflicts);
  }
  version++;
  return replaced;
}
