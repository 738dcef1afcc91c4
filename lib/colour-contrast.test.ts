import { contrastRatio, parseColour } from './colour-contrast';

describe('contrastRatio', () => {
  it('gives the WCAG extremes and a known pair', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 6);
    expect(contrastRatio([255, 255, 255], [255, 255, 255])).toBe(1);
    // #767676 on white is the well-known 4.54:1 boundary grey.
    expect(contrastRatio(parseColour('#767676')!, parseColour('#fff')!)).toBeCloseTo(4.54, 2);
  });

  it('reads hex and rgb() colours and refuses the rest', () => {
    expect(parseColour('rgb(230, 97, 1)')).toEqual([230, 97, 1]);
    expect(parseColour('#0B5CAB')).toEqual([11, 92, 171]);
    expect(parseColour('url(#g)')).toBeNull();
  });
});
