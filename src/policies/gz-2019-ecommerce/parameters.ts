/**
 * Parameters of 《關於推動電子商務跨越式發展的若干措施》 穗府辦函〔2019〕2號 (广州市人民政府办公厅, 2019-01-02),
 * seed file 001_40c932257997183b.txt. The document funds projects and recognitions without amounts; the only
 * numbers it gives are its validity and the salary line of the talent measure.
 */
import { param } from '../define.js';

export const validity = {
  from: param.date('2019-01-02', '(三十)', '本措施自發布之日起施行（2019年1月2日）'),
  to: param.openDate('2022-12-31', '(三十)', '有效期至2022年12月31日'),
};

export const talent = {
  minStaff: param.count(1, '(二十三)', '對市電子商務示範企業……的企業聘用年薪在30萬元以上的電子商務高級管理人才、高端營運人才、核心技術人才，納入市“1+4”人才政策支持範圍'),
  salaryFloor: param.money(300_000, '(二十三)', '聘用年薪在30萬元以上的電子商務高級管理人才、高端營運人才、核心技術人才'),
};
