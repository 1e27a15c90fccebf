/**
 * The certainty scale of a relationship's evidence (contract `Certainty`), as a registry: how each grade
 * draws its edge line, and the colour of its badge. Strongest first; the legend lists them in this order.
 */
import type { Certainty, JsonValue } from '../../../server/src/contract.ts';

export interface CertaintyStyle {
  title: string;
  /** One line for the legend's tooltip: what the grade means in the evidence. */
  description: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  /** Dash and gap lengths for dashed lines, in px at zoom 1. */
  dashPattern?: [number, number];
  /** Edge opacity: the weakest grade is drawn lighter. */
  opacity: number;
  /** Badge background; text on it is dark in both themes. */
  badgeColor: string;
}

export const CERTAINTY_STYLES: Readonly<Record<Certainty, CertaintyStyle>> = {
  confirmed: {
    title: 'Confirmed',
    description: 'Stated as fact by the source',
    lineStyle: 'solid',
    opacity: 1,
    badgeColor: '#7BC47F',
  },
  reported: {
    title: 'Reported',
    description: 'Attributed to a report or outlet',
    lineStyle: 'dashed',
    dashPattern: [10, 4],
    opacity: 1,
    badgeColor: '#8AB6E8',
  },
  assessed: {
    title: 'Assessed',
    description: 'An analyst’s judgement',
    lineStyle: 'dashed',
    dashPattern: [4, 4],
    opacity: 1,
    badgeColor: '#F2CF66',
  },
  speculated: {
    title: 'Speculated',
    description: 'Hedged: could, might, may',
    lineStyle: 'dotted',
    opacity: 0.95,
    badgeColor: '#F4A261',
  },
  conditional: {
    title: 'Conditional',
    description: 'Only if something else happens',
    lineStyle: 'dotted',
    opacity: 0.5,
    badgeColor: '#C9C4C0',
  },
};

export const CERTAINTY_ORDER = Object.keys(CERTAINTY_STYLES) as Certainty[];

/**
 * A certainty floor's choice as a select shows it ("Confirmed links only", "Reported or stronger"): the
 * path finder's and the neighbour chooser's, one vocabulary. The choice of no floor reads "Any link".
 */
export function certaintyFloorTitle(floor: Certainty): string {
  return floor === 'confirmed' ? 'Confirmed links only' : `${CERTAINTY_STYLES[floor].title} or stronger`;
}

export function isCertainty(value: JsonValue | undefined): value is Certainty {
  return typeof value === 'string' && Object.hasOwn(CERTAINTY_STYLES, value);
}

/** The relationship's certainty when its `certainty` property holds a known grade, else null. */
export function certaintyOf(properties: Record<string, JsonValue>): Certainty | null {
  const value = properties.certainty;
  return isCertainty(value) ? value : null;
}
