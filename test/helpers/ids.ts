/** Valid unified social credit codes for tests: 91440101 + nine digits + the GB 32100-2015 check character. */
import { usccCheckChar } from '../../src/domain/uscc.js';

export function validId(n: number): string {
  const first17 = '91440101' + String(n).padStart(9, '0');
  return first17 + usccCheckChar(first17)!;
}

/** The same id with a wrong check character. */
export function badCheckId(n: number): string {
  const id = validId(n);
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}
