import { definePolicy } from '../define.js';
import { validity } from './parameters.js';
import { aboveQuota, highTech, honghu, hq, park, scaleTier } from './rules.js';

export const gz2025Ecommerce = definePolicy({
  id: 'gz-2025-ecommerce',
  title: { zh: '广州市关于推动电子商务高质量发展的若干措施', en: "Guangzhou's measures for high-quality development of e-commerce (2025)" },
  issuer: '广州市商务局',
  issued: '2025-02-14',
  seedFile: '000_d2f96fb1cb4f06f7.txt',
  validity,
  measures: [hq, aboveQuota, scaleTier, honghu, park, highTech],
});
