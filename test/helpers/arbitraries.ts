/** fast-check arbitraries shared by the property tests. */
import fc from 'fast-check';
import { INTERPRETATIONS, type Interpretation } from '../../src/engine/interpretation.js';

/** Any combination of the interpretations, each over every value it names (a new one is covered by itself). */
export const interpretation: fc.Arbitrary<Interpretation> = fc.record(
  Object.fromEntries(Object.entries(INTERPRETATIONS).map(([name, i]) => [name, fc.constantFrom(...i.values)])),
) as unknown as fc.Arbitrary<Interpretation>;
