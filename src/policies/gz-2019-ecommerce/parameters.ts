/**
 * Parameters of 《关于推动电子商务跨越式发展的若干措施》 穗府办函〔2019〕2号 (广州市人民政府办公厅, 2019-01-02),
 * seed file 001_40c932257997183b.txt. The document funds projects and recognitions without amounts; the only
 * numbers it gives are its validity and the salary line of the talent measure.
 */
import { param } from '../define.js';

export const validity = {
  from: param.date('2019-01-02', '(三十)', '本措施自发布之日起施行', '发布日期见通知落款：广州市人民政府办公厅 2019年1月2日'),
  to: param.openDate('2022-12-31', '(三十)', '有效期至2022年12月31日'),
};

export const talent = {
  minStaff: param.count(1, '(二十三)', '对市电子商务示范企业……的企业聘用年薪在30万元以上的电子商务高级管理人才、高端营运人才、核心技术人才,纳入市“1+4”人才政策支持范围'),
  salaryFloor: param.money(300_000, '(二十三)', '聘用年薪在30万元以上的电子商务高级管理人才、高端营运人才、核心技术人才'),
};
