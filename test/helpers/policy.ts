/** A small valid policy file of an invented district, and its text (text.txt beside it): the base of the error and fuzz tests. */
export const TEXT =
  '第一条 企业年度规模首次突破5000万元、1亿元、3亿元的，分别给予一次性奖励20万元、50万元、100万元。\n第二条 较上一年每增加1亿元给予10万元奖励，年度最高不超过400万元。\n第三条 本办法自2025年1月1日起施行，有效期三年。\n';

export const VALID = `id: test-district
title: { zh: 测试区办法, en: Test district measures }
issuer: 测试区商务局
issued: 2025-01-01
text: text.txt
validity:
  from: { value: 2025-01-01, article: 第三条, quote: 本办法自2025年1月1日起施行 }
  to: { value: 2027-12-31, article: 第三条, quote: 有效期三年 }
measures:
  - id: first-reach
    template: first-reach-tiers
    article: 第一条
    title: { zh: 首次突破奖励, en: First-reach award }
    quote: 企业年度规模首次突破5000万元、1亿元、3亿元的
    input: onlineRetailSales
    params:
      thresholds:
        value: [5000万, 1亿, 3亿]
        article: 第一条
        quote: 首次突破5000万元、1亿元、3亿元
      awards:
        value: [20万, 50万, 100万]
        article: 第一条
        quote: 分别给予一次性奖励20万元、50万元、100万元
  - id: per-step
    template: per-step
    article: 第二条
    title: { zh: 增量奖励, en: Increase award }
    quote: 较上一年每增加1亿元给予10万元奖励
    input: onlineRetailSales
    params:
      step: { value: 1亿, article: 第二条, quote: 每增加1亿元 }
      award: { value: 10万, article: 第二条, quote: 给予10万元奖励 }
      cap: { value: 400万, article: 第二条, quote: 年度最高不超过400万元 }
`;

/**
 * Installs, in this test process, the policy files the project's scenario files name (`policies:`), as
 * `gz-awards test` does before it loads them: the in-process tests of fixtures/scenarios load them all.
 */
export async function installScenarioPolicies(files: readonly string[]): Promise<void> {
  const { scenarioPolicies } = await import('../../src/scenario/load.js');
  const { installRead, readPolicyFiles } = await import('../../src/policy-file/install.js');
  const r = await readPolicyFiles(await scenarioPolicies(files), 'en');
  if (r.problems.length) throw new Error(`bad policy files: ${JSON.stringify(r.problems)}`);
  installRead(r.loaded, 'en');
}
