import { definePolicy } from '../define.js';
import { validity } from './parameters.js';
import * as m from './rules.js';

export const gz2024CrossBorder = definePolicy({
  id: 'gz-2024-cross-border',
  title: { zh: '广州市进一步推动跨境电子商务高质量发展若干政策措施', en: "Guangzhou's measures for high-quality cross-border e-commerce (2024)" },
  issuer: '广州市商务局',
  issued: '2024-03-06',
  seedFile: '003_7fd8ecc448c3c867.txt',
  validity,
  noDoubleFunding: { article: '十七', quote: '以上事项对已获得国家和省同一项目资金奖补的，不重复支持。' },
  measures: [
    m.newlyIntroduced,
    m.demoEnterprise,
    m.qilin,
    m.highTech,
    m.demoPark,
    m.kunpeng,
    m.brandOverseas,
    m.bondedRent,
    m.overseasWarehouse,
    m.qilinCustoms,
    m.events,
    m.standards,
  ],
});
