import { definePolicy } from '../define.js';
import { validity } from './parameters.js';
import { bondedRent, brandOverseas, highTech, kunpeng, overseasWarehouse, qilin } from './rules.js';

export const gz2024CrossBorder = definePolicy({
  id: 'gz-2024-cross-border',
  title: { zh: '广州市进一步推动跨境电子商务高质量发展若干政策措施', en: "Guangzhou's measures for high-quality cross-border e-commerce (2024)" },
  issuer: '广州市商务局',
  issued: '2024-03-06',
  seedFile: '003_7fd8ecc448c3c867.txt',
  validity,
  measures: [qilin, highTech, kunpeng, brandOverseas, bondedRent, overseasWarehouse],
});
