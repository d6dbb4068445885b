/**
 * The shape of a policy file (YAML or JSON) as a zod schema: what each key holds. What the values must say
 * together (a template's parameters, quotes found in the text, tiers rising) is checked after it, by load.ts.
 * `gz-awards rules --policy-schema` prints it as a JSON Schema, for editors to complete and check files.
 */
import { z } from 'zod';
import { PROJECT_TYPES, TRACKS } from '../domain/enterprise.js';
import { KINDS } from '../domain/result.js';
import { TEMPLATE_NAMES } from '../templates/index.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const id = z.string().regex(ID, { message: 'kebab-case: lower-case letters, digits and "-"' });
const words = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const scalar = z.union([z.string(), z.number()]);

/** A parameter: its value as people write it (5亿, 400万, 0.6‰, 5%), the article and the text's own words. */
export const paramSchema = z
  .object({
    value: z.union([scalar, z.array(scalar), z.null()]).describe('5亿, 400万, 500000000; 5%, 0.6‰, 0.0006; [5000万, 1亿]; 2025-01-01'),
    article: z.string().min(1).describe('the article it comes from, as the text numbers it: 第二条, 三(一)2'),
    quote: z.string().optional().describe('the words of the text it comes from, verbatim; "…" marks words left out'),
    note: z.string().optional().describe('an editorial remark (never part of the quote)'),
  })
  .strict();

const note = z.union([z.object({ key: z.string().min(1) }).strict(), words]);

export const measureSchema = z
  .object({
    id: id.describe('unique within the document'),
    template: z.string().describe(`one of ${TEMPLATE_NAMES.join(', ')}`),
    article: z.string().min(1),
    kind: z.enum(KINDS).optional(),
    title: words,
    quote: z.string().optional(),
    tracks: z.array(z.enum(TRACKS)).min(1).optional(),
    applicationLag: z.number().int().min(0).max(5).optional(),
    notes: z.array(note).optional(),
    input: z.string().optional().describe('the yearly input it reads, by id (onlineRetailSales, or one the file declares)'),
    lists: z.array(z.string()).min(1).optional(),
    listTrack: z.enum(['ecommerce', 'livestream']).optional(),
    firstTime: z.boolean().optional().describe('true: only on the first entry (对首次进入名单的); false: each year'),
    project: z.enum(PROJECT_TYPES).optional(),
    flags: z.array(z.string()).min(1).optional().describe('yes/no inputs that must all be yes in the year'),
    track: z.enum(TRACKS).optional(),
    jump: z.enum(['highest', 'every']).optional().describe('first-reach-tiers: a year crossing several tiers is paid the highest, or every tier'),
    reading: z.enum(['whole', 'pro-rata']).optional().describe('per-step: whole steps (default, as 每增加 reads) or pro rata'),
    ledger: z.string().optional(),
    params: z.record(z.string(), paramSchema).optional(),
  })
  .strict();

const ref = z.string().describe('a measure of this file by id, or another document\'s as policy/measure');
const cited = { article: z.string().min(1), quote: z.string().optional() };
export const conflictSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-same-year'), groups: z.tuple([z.array(ref).min(1), z.array(ref).min(1)]), ...cited }).strict(),
  z.object({ kind: z.literal('same-item'), measures: z.array(ref).min(2), ...cited }).strict(),
  z.object({ kind: z.literal('once-per-enterprise'), measures: z.array(ref).min(2), ...cited }).strict(),
]);

export const policyFileSchema = z
  .object({
    id: id.describe("the document's id; a built-in's id replaces that document"),
    title: words,
    issuer: z.string().min(1),
    number: z.string().optional().describe('the document number, 穗商务规字〔2025〕1号'),
    issued: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    validity: z.object({ from: paramSchema, to: paramSchema }).strict(),
    text: z.string().optional().describe('the text of the document (a file beside this one): every quote must be found in it'),
    notes: z.array(note).optional(),
    noDoubleFunding: z.object(cited).strict().optional().describe('以上事项对已获得国家和省同一项目资金奖补的，不重复支持'),
    inputs: z.array(z.unknown()).optional().describe('the inputs the document reads that the tool does not know'),
    measures: z.array(measureSchema).min(1),
    conflicts: z.array(conflictSchema).optional(),
  })
  .strict();

export type PolicyFile = z.infer<typeof policyFileSchema>;
export type MeasureFile = z.infer<typeof measureSchema>;
export type ParamFile = z.infer<typeof paramSchema>;

/** The JSON Schema of a policy file (`rules --policy-schema`). */
export function policyJsonSchema(): unknown {
  return { ...z.toJSONSchema(policyFileSchema, { io: 'input', unrepresentable: 'any' }), title: 'gz-awards policy file' };
}
