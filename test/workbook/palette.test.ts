/**
 * Every text colour the add-in's sheets use is readable on its own fill (or on Excel's white): the
 * contrast ratio is at least 4.5:1, WCAG 2.2 success criterion 1.4.3 for normal-size text. The ratio
 * is computed with WCAG's own definition of relative luminance (sRGB channels linearised, weighted
 * 0.2126, 0.7152, 0.0722; ratio (L1 + 0.05) / (L2 + 0.05)); the reference pair below is WebAIM's
 * contrast checker's published example (#767676 on white is 4.54:1, #777777 is 4.48:1).
 */
import { STYLE_FORMATS, TONE_FILLS } from '../../src/workbook/palette';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('the contrast formula gives WebAIM\'s published figures', () => {
  expect(contrast('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
  expect(contrast('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
  expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 6);
});

test.each(Object.entries(STYLE_FORMATS))('the %s style\'s text is readable on its fill (4.5:1 or more)', (_, style) => {
  const font = style.fontColor ?? '#000000';
  expect(contrast(font, style.fill ?? '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
});

test.each(Object.entries(TONE_FILLS))('black text on the %s row tone is readable (4.5:1 or more)', (_, fill) => {
  expect(contrast('#000000', fill)).toBeGreaterThanOrEqual(4.5);
});

test('muted text stays readable on a muted row', () => {
  expect(contrast(STYLE_FORMATS.muted.fontColor ?? '#000000', TONE_FILLS.muted)).toBeGreaterThanOrEqual(4.5);
});
