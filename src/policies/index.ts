/** The explicit registry of policy documents, in the order results are listed. */
import { gd2012Ecommerce } from './gd-2012-ecommerce/index.js';
import type { PolicyDef } from './define.js';
import { gz2019Ecommerce } from './gz-2019-ecommerce/index.js';
import { gz2024CrossBorder } from './gz-2024-cross-border/index.js';
import { gz2025Ecommerce } from './gz-2025-ecommerce/index.js';
import { gz2025Livestream } from './gz-2025-livestream/index.js';

export const POLICIES: readonly PolicyDef[] = [gz2025Ecommerce, gz2025Livestream, gz2024CrossBorder, gz2019Ecommerce, gd2012Ecommerce];
