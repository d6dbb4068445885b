import { definePolicy } from '../define.js';
import { validity } from './parameters.js';
import * as m from './rules.js';

export const gz2019Ecommerce = definePolicy({
  id: 'gz-2019-ecommerce',
  title: { zh: '关于推动电子商务跨越式发展的若干措施', en: "Guangzhou's measures for leapfrog development of e-commerce (2019)" },
  docNumber: '穗府办函〔2019〕2号',
  issuer: '广州市人民政府办公厅',
  issued: '2019-01-02',
  seedFile: '001_40c932257997183b.txt',
  validity,
  measures: [
    m.demoBase,
    m.platformProject,
    m.demoEnterprise,
    m.top50Hq,
    m.hqRelocation,
    m.ruralDemo,
    m.retailExportVat,
    m.goingGlobal,
    m.marketProject,
    m.terminalProject,
    m.industrialProject,
    m.ruralWarehouse,
    m.paymentLicense,
    m.listing,
    m.talent,
    m.highTechTax,
    m.rdDeduction,
    m.staffEducation,
  ],
});
