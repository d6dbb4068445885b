import { definePolicy } from '../define.js';
import { validity } from './parameters.js';
import { honghu, hq, park, scaleTier } from './rules.js';

export const gz2025Livestream = definePolicy({
  id: 'gz-2025-livestream',
  title: {
    zh: '广州市关于推动直播电商产业高质量发展 助力传统商贸数字化转型的若干意见',
    en: "Guangzhou's opinions on live-streaming e-commerce and the digital transformation of trade (2025)",
  },
  issuer: '广州市市场监督管理局、广州市商务局',
  issued: '2025-04-28',
  seedFile: '002_20c4ad2a9a2821bc.txt',
  validity,
  notes: [{ key: 'note.livestream-validity' }],
  measures: [park, hq, honghu, scaleTier],
});
