/** The table of ids seen in a run: exact duplicates across growth, odd ids kept aside. */
import { describe, expect, it } from 'vitest';
import { IdRegistry } from '../src/io/id-registry.js';
import { usccCheckChar } from '../src/domain/uscc.js';

const id = (n: number) => {
  const first = `9144010${String(n).padStart(10, '0')}`;
  return first + usccCheckChar(first)!;
};

describe('IdRegistry', () => {
  it('finds every duplicate with its first place, through several growths from a tiny table', () => {
    const reg = new IdRegistry(16);
    for (let n = 0; n < 5000; n++) expect(reg.add(id(n), 0, n + 2)).toBeNull();
    expect(reg.size).toBe(5000);
    for (let n = 0; n < 5000; n += 97) expect(reg.add(id(n), 1, 99999)).toEqual({ file: 0, at: n + 2 });
    expect(reg.size).toBe(5000);
  });

  it('keeps ids that do not pack (wrong length or alphabet) exactly too', () => {
    const reg = new IdRegistry(16);
    expect(reg.add('abc', 0, 2)).toBeNull();
    expect(reg.add('abc', 0, 3)).toEqual({ file: 0, at: 2 });
    expect(reg.add('ABC', 0, 4)).toBeNull();
  });
});
