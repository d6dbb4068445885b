/** Guangzhou's 11 districts, by their canonical name, with the spellings people type. */

export const DISTRICTS = [
  { name: '越秀区', en: 'Yuexiu', aliases: ['越秀', '越秀區'] },
  { name: '海珠区', en: 'Haizhu', aliases: ['海珠', '海珠區'] },
  { name: '荔湾区', en: 'Liwan', aliases: ['荔湾', '荔灣', '荔灣區'] },
  { name: '天河区', en: 'Tianhe', aliases: ['天河', '天河區'] },
  { name: '白云区', en: 'Baiyun', aliases: ['白云', '白雲', '白雲區'] },
  { name: '黄埔区', en: 'Huangpu', aliases: ['黄埔', '黃埔', '黃埔區'] },
  { name: '番禺区', en: 'Panyu', aliases: ['番禺', '番禺區'] },
  { name: '花都区', en: 'Huadu', aliases: ['花都', '花都區'] },
  { name: '南沙区', en: 'Nansha', aliases: ['南沙', '南沙區'] },
  { name: '从化区', en: 'Conghua', aliases: ['从化', '從化', '從化區'] },
  { name: '增城区', en: 'Zengcheng', aliases: ['增城', '增城區'] },
] as const;

export type District = (typeof DISTRICTS)[number]['name'];

const LOOKUP = new Map<string, District>();
for (const d of DISTRICTS) {
  for (const key of [d.name, d.en, `${d.en} District`, ...d.aliases]) LOOKUP.set(normalise(key), d.name).set(key, d.name);
}
// 广州市天河区 / 广州天河区 also name the district.
function normalise(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^(广州市|广州|廣州市|廣州|guangzhou)\s*/, '');
}

/** The canonical name of a district ("天河", "Tianhe", "天河區" → "天河区"), or null. */
export function resolveDistrict(raw: string): District | null {
  return LOOKUP.get(raw) ?? LOOKUP.get(normalise(raw)) ?? null;
}

/** The English name of a canonical district. */
export function districtEnglish(name: string): string {
  return DISTRICTS.find((d) => d.name === name)?.en ?? name;
}
