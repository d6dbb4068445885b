import { definePolicy } from '../define.js';
import { validity } from './parameters.js';
import { aboveQuota, benchmark, events, highTech, honghu, hq, manufacturing, park, parkTenant, scaleTier, standards } from './rules.js';

export const gz2025Ecommerce = definePolicy({
  id: 'gz-2025-ecommerce',
  title: { zh: '广州市关于推动电子商务高质量发展的若干措施', en: "Guangzhou's measures for high-quality development of e-commerce (2025)" },
  issuer: '广州市商务局',
  issued: '2025-02-14',
  seedFile: '000_d2f96fb1cb4f06f7.txt',
  validity,
  noDoubleFunding: { article: '第二十条', quote: '以上事项对已获得国家和省同一项目资金奖补的，不重复支持。' },
  measures: [hq, aboveQuota, scaleTier, honghu, benchmark, park, parkTenant, highTech, events, manufacturing, standards],
});
