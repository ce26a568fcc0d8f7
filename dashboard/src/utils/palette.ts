/**
 * Okabe–Ito: eight colours told apart with every common colour-vision deficiency. Charts use them in
 * this order; black is last (text colour) and yellow is kept for highlights.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.yellow,
  '#999999',
];

/** The n-th series colour, cycling. */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[((index % SERIES_COLOURS.length) + SERIES_COLOURS.length) % SERIES_COLOURS.length]!;
}

/** Heat-map steps 0–4 from white to Okabe–Ito blue (sequential, readable without hue). */
export const HEAT_STEPS: readonly string[] = ['#f2f2f2', '#c6dbef', '#6baed6', '#2f7fc1', OKABE_ITO.blue];
