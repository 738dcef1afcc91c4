import { contrastRatio, parseColour, type Rgb } from '../../../lib/colour-contrast';

/**
 * The charts' colours, set as SVG attributes rather than CSS so that the contrast test reads the
 * same fills the browser paints (tests/unit/chart-contrast: every label at 4.5:1 or more).
 */
export const CHART_COLOURS = {
  background: '#ffffff',
  text: '#181818',
  muted: '#5c5c5c',
  missingCell: '#ededed',
} as const;

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/**
 * The label colour for text on `fill`: white or black, whichever contrasts more. One of the two
 * always reaches 4.5:1 (the worst case, a mid luminance, gives 4.58:1).
 */
export function labelOn(fill: string): string {
  const background = parseColour(fill);
  if (!background) return CHART_COLOURS.text;
  return contrastRatio(WHITE, background) >= contrastRatio(BLACK, background) ? '#ffffff' : '#000000';
}
