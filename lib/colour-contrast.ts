/** An sRGB colour, each channel 0–255. */
export type Rgb = readonly [number, number, number];

/** Reads `#rgb`, `#rrggbb` or `rgb(r, g, b)`; null for anything else (names, gradients, `none`). */
export function parseColour(text: string): Rgb | null {
  const value = text.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) return [1, 2, 3].map((i) => parseInt(short[i]!.repeat(2), 16)) as unknown as Rgb;
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  if (long) return [1, 2, 3].map((i) => parseInt(long[i]!, 16)) as unknown as Rgb;
  const functional = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/.exec(value);
  if (functional) return [1, 2, 3].map((i) => Number(functional[i])) as unknown as Rgb;
  return null;
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** The WCAG AA minimum for normal-size text. */
export const TEXT_CONTRAST_MINIMUM = 4.5;
