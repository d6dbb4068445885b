/**
 * The input vocabulary as a registry: the built-ins are in it with the headers the readers have always known, a
 * declaration extends it, and a bad or conflicting declaration is refused with a problem that names where in the
 * declaration it is (for a loader to locate in its file) and a message in both languages.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { YEAR_FIELDS, LIST_IDS, PROJECT_TYPES, type Enterprise } from '../src/domain/enterprise.js';
import {
  allInputs,
  declaredBySource,
  declaredInputs,
  declaredYearInputs,
  inputDef,
  inputName,
  inputOfHeader,
  inputReader,
  readCategory,
  registerDeclaredInputs,
  registerInput,
  resetDeclaredInputs,
  vocabularyVersion,
  type InputDecl,
} from '../src/domain/vocabulary.js';
import { t as message } from '../src/render/messages.js';

const SALES: InputDecl = { id: 'annualSales', name: { zh: '年销售额', en: 'annual sales' }, kind: 'money', perYear: true, aliases: ['年度销售额', '销售额'] };
const CATEGORY: InputDecl = {
  id: 'aboveQuotaCategory',
  name: { zh: '限额以上企业类别', en: 'above-quota category' },
  kind: 'category',
  values: [{ id: 'wholesale', zh: '批发', en: 'wholesale' }, { id: 'retail', zh: '零售', en: 'retail', aliases: ['零售业'] }, '住宿餐饮'],
};

afterEach(() => resetDeclaredInputs());

describe('built-ins', () => {
  it('holds every yearly field, list and project, with the headers the readers know', () => {
    const ids = allInputs().map((d) => d.id);
    expect(ids).toEqual([...Object.keys(YEAR_FIELDS), ...LIST_IDS, ...PROJECT_TYPES]);
    expect(allInputs().every((d) => d.builtIn && d.source === 'built-in')).toBe(true);
    expect(inputOfHeader('实物商品网上零售额')?.id).toBe('onlineRetailSales');
    expect(inputOfHeader('网络零售额')?.id).toBe('onlineRetailSales');
    expect(inputOfHeader('online_retail_sales')?.id).toBe('onlineRetailSales');
    expect(inputOfHeader('名单_鸿鹄')?.id).toBe('honghu');
    expect(inputOfHeader('项目_平台')?.id).toBe('platform');
    expect(inputDef('highSalaryStaff')?.kind).toBe('count');
    expect(inputDef('honghu')?.store).toBe('list');
    expect(declaredInputs()).toEqual([]);
  });
});

describe('registerInput', () => {
  it('registers a per-year money input, a category and a list, read under their names', () => {
    const v = vocabularyVersion();
    expect(registerDeclaredInputs([SALES, CATEGORY, { id: 'district-benchmark', name: { zh: '区标杆企业', en: 'district benchmark' }, kind: 'list' }], 'fixtures/policies/x.yaml')).toEqual([]);
    expect(vocabularyVersion()).toBeGreaterThan(v);
    expect(inputOfHeader('年销售额')?.id).toBe('annualSales');
    expect(inputOfHeader('销售额')?.id).toBe('annualSales');
    expect(inputOfHeader('annual_sales')?.id).toBe('annualSales');
    expect(inputDef('annualSales')).toMatchObject({ store: 'year', perYear: true, source: 'fixtures/policies/x.yaml', header: { zh: '年销售额', en: 'annual_sales' } });
    expect(inputDef('aboveQuotaCategory')).toMatchObject({ store: 'static', perYear: false, header: { zh: '限额以上企业类别', en: 'above_quota_category' } });
    expect(inputDef('district-benchmark')).toMatchObject({ store: 'list', header: { zh: '名单_区标杆企业', en: 'list_district_benchmark' } });
    expect(inputOfHeader('区标杆企业名单')?.id).toBe('district-benchmark');
    expect(declaredYearInputs()).toEqual(['annualSales']);
    expect(inputName('annualSales', 'zh')).toBe('年销售额');
    expect(inputName('annualSales', 'en')).toBe('annual sales');
  });

  it('reads a category by its id, either name or an alias, and refuses anything else naming the values', () => {
    registerInput(CATEGORY);
    const def = inputDef('aboveQuotaCategory')!;
    expect(readCategory('零售', def)).toEqual({ ok: true, value: 'retail' });
    expect(readCategory(' Retail ', def)).toEqual({ ok: true, value: 'retail' });
    expect(readCategory('零售业', def)).toEqual({ ok: true, value: 'retail' });
    expect(readCategory('住宿餐饮', def)).toEqual({ ok: true, value: '住宿餐饮' });
    expect(readCategory('制造', def)).toEqual({ ok: false, key: 'expected.category', args: { values: '批发、零售、住宿餐饮' } });
  });

  it('accepts the same declaration from a second file once, adding its new headers', () => {
    expect(registerInput(SALES, 'a.yaml')).toEqual([]);
    expect(registerInput({ ...SALES, aliases: ['年度销售收入'] }, 'b.yaml')).toEqual([]);
    expect(declaredInputs().map((d) => d.id)).toEqual(['annualSales']);
    expect(inputDef('annualSales')!.source).toBe('a.yaml');
    expect(inputOfHeader('年度销售收入')?.id).toBe('annualSales');
  });

  const refused = (decl: unknown, path: string, key: string) => {
    const before = vocabularyVersion();
    const problems = registerInput(decl as InputDecl, 'bad.yaml');
    expect(problems.map((p) => [p.path, p.expected.key])).toContainEqual([path, key]);
    expect(vocabularyVersion()).toBe(before);
    for (const p of problems) {
      // each problem reads in both languages, never as its bare key
      for (const lang of ['zh', 'en'] as const) expect(message(p.expected, lang)).not.toContain(p.expected.key);
    }
  };

  it('refuses an unknown kind, naming the kinds', () => {
    refused({ ...SALES, kind: 'amount' }, 'kind', 'input.unknown-kind');
    expect(message(registerInput({ ...SALES, kind: 'amount' } as never)[0]!.expected, 'en')).toContain('money, boolean, count, category, list');
  });
  it('refuses a bad or reserved id', () => {
    refused({ ...SALES, id: 'Annual Sales' }, 'id', 'input.bad-id');
    refused({ ...SALES, id: 'years' }, 'id', 'input.reserved-id');
    refused({ ...SALES, id: 'toString' }, 'id', 'input.reserved-id');
  });
  it('refuses a built-in id declared as something else', () => refused({ ...SALES, id: 'onlineRetailSales', kind: 'count' }, 'kind', 'input.conflict'));
  it('refuses a header a built-in field already has', () => refused({ ...SALES, aliases: ['网上零售额'] }, 'aliases[0]', 'input.header-taken'));
  it('refuses a header of the enterprise itself', () => refused({ ...SALES, aliases: ['企业名称'] }, 'aliases[0]', 'input.header-taken'));
  it('refuses a header with a year in it', () => refused({ ...SALES, aliases: ['2025年销售额'] }, 'aliases[0]', 'input.header-year'));
  it('refuses a category without values, and values on a money input', () => {
    refused({ ...CATEGORY, values: [] }, 'values', 'input.no-values');
    refused({ ...SALES, values: ['a'] }, 'values', 'input.values-not-category');
    refused({ ...CATEGORY, values: ['批发', '批发'] }, 'values[1]', 'input.duplicate-value');
  });
  it('refuses a declaration without names, or with a key it does not have', () => {
    refused({ id: 'x', kind: 'money' }, 'name', 'input.no-name');
    refused({ ...SALES, peryear: true }, 'peryear', 'input.unknown-key');
  });
  it('refuses a different declaration of an id registered before, naming its file', () => {
    registerInput(SALES, 'a.yaml');
    const problems = registerInput({ ...SALES, perYear: false }, 'b.yaml');
    expect(problems.map((p) => [p.path, p.expected.key, p.expected.args?.['source']])).toEqual([['perYear', 'input.conflict', 'a.yaml']]);
    expect(message(problems[0]!.expected, 'zh')).toContain('a.yaml');
  });
  it('registers a file all or none, with each problem under its declaration', () => {
    const problems = registerDeclaredInputs([SALES, { ...CATEGORY, aliases: ['年度销售额'] }, { ...SALES }], 'c.yaml');
    expect(problems.map((p) => [p.path, p.expected.key])).toEqual([
      ['[1].aliases[0]', 'input.header-taken'],
      ['[2].id', 'input.duplicate-id'],
    ]);
    expect(inputDef('annualSales')).toBeUndefined();
    expect(declaredInputs()).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (decl) => {
        resetDeclaredInputs();
        const problems = registerInput(decl as InputDecl);
        return Array.isArray(problems) && problems.every((p) => typeof p.path === 'string' && typeof message(p.expected, 'zh') === 'string');
      }),
      { numRuns: 300 },
    );
  });

  it('replays what it registered (a worker thread registers the same)', () => {
    registerDeclaredInputs([SALES, CATEGORY], 'a.yaml');
    const replay = declaredBySource();
    const before = declaredInputs();
    resetDeclaredInputs();
    for (const { decls, source } of replay) expect(registerDeclaredInputs(decls, source)).toEqual([]);
    expect(declaredInputs()).toEqual(before);
  });
});

describe('inputReader', () => {
  it('reads a per-year input from the year, a once-only one from inputs, a list as its years', () => {
    registerDeclaredInputs([SALES, CATEGORY, { id: 'district-benchmark', name: { zh: '区标杆企业', en: 'district benchmark' }, kind: 'list' }]);
    const e = {
      id: 'X',
      tracks: ['ecommerce'],
      years: { 2024: { annualSales: 500n }, 2025: { onlineRetailSales: 7n } },
      lists: [{ list: 'district-benchmark', year: 2027 }, { list: 'district-benchmark', year: 2025 }],
      projects: [],
      priorAwards: [],
      higherLevelFunding: [],
      inputs: { aboveQuotaCategory: 'retail' },
    } as unknown as Enterprise;
    expect(inputReader('annualSales')(e, 2024)).toBe(500n);
    expect(inputReader('annualSales')(e, 2025)).toBeUndefined();
    expect(inputReader('onlineRetailSales')(e, 2025)).toBe(7n);
    expect(inputReader('aboveQuotaCategory')(e, 2030)).toBe('retail');
    expect(inputReader('district-benchmark')(e, 0)).toEqual([2025, 2027]);
    expect(inputReader('honghu')(e, 0)).toBeUndefined();
    // declared again, once-only this time, after a reset: read from inputs, not from the years any more
    resetDeclaredInputs();
    registerInput({ ...SALES, perYear: false });
    expect(inputReader('annualSales')(e, 2024)).toBeUndefined();
    expect(inputReader('annualSales')({ ...e, inputs: { annualSales: 9n } } as Enterprise, 2024)).toBe(9n);
  });
});

describe('the engine: a measure reading declared inputs', () => {
  it('gets a result exactly for the years that give what it reads, whatever else is declared', async () => {
    const { buildRuleSet } = await import('../src/engine/ruleset.js');
    const { evaluate, DEFAULT_OPTIONS } = await import('../src/engine/evaluate.js');
    const { param } = await import('../src/policies/define.js');
    // eleven declared per-year inputs: more than the spare presence bits, so two share one
    const decls: InputDecl[] = Array.from({ length: 11 }, (_, k) => ({ id: `extra${k}`, name: { zh: `额外${'甲乙丙丁戊己庚辛壬癸子'[k]}`, en: `extra ${k}` }, kind: 'money', perYear: true }));
    expect(registerDeclaredInputs([...decls, { id: 'bench', name: { zh: '区标杆', en: 'bench' }, kind: 'list' }])).toEqual([]);
    const seen: Array<[string, number]> = [];
    const measure = (id: string, reads: object) => ({
      id,
      article: '第一条',
      kind: 'cash-cap' as const,
      title: { zh: id, en: id },
      quote: '',
      params: {},
      applicationLag: 0,
      reads,
      evaluate(_e: Enterprise, year: number) {
        seen.push([id, year]);
        return { status: 'ineligible' as const, checks: [] };
      },
    });
    const policy = {
      id: 'x-district',
      title: { zh: 'x', en: 'x' },
      issuer: 'x',
      issued: '2025-01-01',
      seedFile: '',
      validity: { from: param.date('2020-01-01', '第一条', ''), to: param.openDate(null, '第一条', '') },
      measures: [measure('reads-extra0', { fields: ['extra0'] }), measure('reads-extra10', { fields: ['extra10'] }), measure('reads-bench', { lists: ['bench'] })],
    };
    const rs = buildRuleSet({}, [policy as never]);
    const e = {
      id: 'X',
      tracks: ['ecommerce'],
      // extra0 and extra10 share a presence bit: 2024 gives extra10 only, 2025 extra0 only
      years: { 2023: { onlineRetailSales: 1n }, 2024: { extra10: 5n }, 2025: { extra0: 7n } },
      lists: [{ list: 'bench', year: 2026 }],
      projects: [],
      priorAwards: [],
      higherLevelFunding: [],
    } as unknown as Enterprise;
    const results = evaluate(e, rs, DEFAULT_OPTIONS).results.map((r) => [r.measure, r.year]);
    expect(results.sort()).toEqual([['reads-bench', 2026], ['reads-extra0', 2025], ['reads-extra10', 2024]]);
    expect(seen.sort()).toEqual(results);
  });
});
