#!/usr/bin/env node
/**
 * Writes fixtures/districts/tianhe-2025.xlsx: a district as an office keeps it, for the docs' example of
 * reading a workbook. A notes sheet first; on sheet "2025" a title row, a unit row (单位：万元), a two-row
 * header with the years merged above the fields, amounts as number cells in 万元 (one typed in as text), a
 * registration date cell, an all-digit id kept as text, and one id that Excel turned into a number.
 *
 *   node scripts/make-office-workbook.mjs
 */
import ExcelJS from 'exceljs';

const wb = new ExcelJS.Workbook();
wb.created = wb.modified = new Date(Date.UTC(2026, 0, 5));
wb.addWorksheet('填表说明').addRow(['金额单位为万元；统一社会信用代码列请设为文本格式']);
const s = wb.addWorksheet('2025');
s.addRow(['2025年天河区电商企业统计表']);
s.addRow(['单位：万元']);
s.addRow(['统一社会信用代码', '企业名称', '注册日期', '2023年', '2024年', '2025年', '']);
s.addRow(['', '', '', '实物商品网上零售额', '实物商品网上零售额', '实物商品网上零售额', '纳入国家统计局联网直报']);
s.mergeCells('A3:A4');
s.mergeCells('B3:B4');
s.mergeCells('C3:C4');
s.mergeCells('F3:G3');
const date = new Date(Date.UTC(2019, 4, 20));
s.addRow(['91440106MA000Y6G95', '天河甲电商有限公司', date, 250000, 280000, 310000, '是']);
s.addRow(['914401011904434208', '天河乙电商有限公司', date, 800000, '900000', 1050000, '是']);
s.addRow(['91440101000000002Q', '天河丙电商有限公司', date, 200000, 250000, 299999.999999, '是']);
s.addRow([914401011904434200, '天河丁电商有限公司', date, 250000, 280000, 310000, '是']);
s.getColumn(1).width = 22;
s.getColumn(2).width = 20;
await wb.xlsx.writeFile('fixtures/districts/tianhe-2025.xlsx');
