/** The measures of the 2025 live-streaming opinions, file 002. */
import { listMeasure } from '../../templates/list-award.js';
import { tierAwardMeasure } from '../../templates/tier-award.js';
import { honghu as honghuParams, scaleTier as scaleTierParams } from './parameters.js';

/** 三(一)1: first entry of a district's list of excellent live-streaming parks; the district sets the award. */
export const park = listMeasure({
  id: 'park',
  article: '三(一)1',
  kind: 'unquantified',
  title: { zh: '优秀直播电子商务产业园区（基地）运营主体奖励', en: 'Award to operators of excellent live-streaming parks' },
  quote: '鼓励各区通过综合评价,择优遴选一定数量的优秀直播电子商务产业园区(基地),对首次进入名单的直播电子商务产业园区(基地),给予运营主体一次性奖励。',
  lists: ['livestream-park'],
  firstTime: true,
});

/** 三(一)2: recognised HQ enterprises. */
export const hq = listMeasure({
  id: 'hq',
  article: '三(一)2',
  kind: 'non-monetary',
  title: { zh: '总部企业认定及配套服务', en: 'HQ recognition and its services' },
  quote: '对于达到我市总部企业标准的,支持其认定为我市总部企业,并按规定享受政策和服务。',
  lists: ['gz-hq'],
  tracks: ['livestream'],
});

/** 三(一)2: the live-streaming 鸿鹄 entries (track livestream). */
export const honghu = listMeasure({
  id: 'honghu',
  article: '三(一)2',
  kind: 'cash-cap',
  title: { zh: '直播电商“鸿鹄”企业奖励', en: '"Honghu" live-streaming enterprise award' },
  quote: '于2025年和2027年通过综合评价方式,择优遴选一定数量的从事直播方面的电子商务“鸿鹄”企业,对于首次进入商务部门“鸿鹄”企业名单的给予一次性奖励,最高不超过100万元。',
  lists: ['honghu'],
  track: 'livestream',
  firstTime: true,
  params: honghuParams,
  cap: 'cap',
  selectionYears: 'listYears',
});

/** 三(一)2: the tier award for live-streaming enterprises; the same item as 000 第二条 (SPEC §6). */
export const scaleTier = tierAwardMeasure({
  id: 'scale-tier',
  article: '三(一)2',
  title: { zh: '直播电商网上零售额进档奖励', en: 'Tier award on online retail sales (live-streaming)' },
  quote: scaleTierParams.thresholds.quote + ',若获奖励企业再进档的,则补发所进档与已获奖励档之间的奖励差额。',
  params: scaleTierParams,
  tracks: ['livestream'],
});
