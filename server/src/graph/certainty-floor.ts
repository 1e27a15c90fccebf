/** A certainty floor as the list of certainties it lets through, for `r.certainty IN $allowed` in Cypher. */
import { CERTAINTIES, type Certainty } from '../contract.ts';

/**
 * The certainties at `floor` or stronger (`reported` → confirmed, reported), or null for no floor. A
 * relationship without a `certainty` property never passes a floor (`null IN [...]` is not true).
 */
export function certaintiesAtOrAbove(floor: Certainty | undefined): Certainty[] | null {
  return floor === undefined ? null : CERTAINTIES.slice(0, CERTAINTIES.indexOf(floor) + 1);
}
