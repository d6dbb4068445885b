import { definePolicy } from '../define.js';
import { validity } from './parameters.js';
import { ecommerceName, highTechPriority, hqAward, rdCapitalized, rdExpensed, registeredCapital, taxShareHq } from './rules.js';

export const gd2012Ecommerce = definePolicy({
  id: 'gd-2012-ecommerce',
  title: { zh: '广东省人民政府办公厅关于加快发展电子商务的意见', en: "Guangdong's opinion on accelerating e-commerce (2012)" },
  issuer: '广东省人民政府办公厅',
  issued: '2012-12-25',
  seedFile: '004_50d1ea506c6b7cb2.txt',
  validity,
  notes: [{ key: 'note.gd-2012-superseded' }],
  measures: [hqAward, taxShareHq, rdExpensed, rdCapitalized, highTechPriority, registeredCapital, ecommerceName],
});
