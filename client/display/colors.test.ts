/** The display's SVG colours against the background they are seen on, by WCAG contrast. */
import { describe, expect, it } from 'vitest';
import { BACKGROUND, contrast, INVALID_COLOR, levelColor, TURNOUT_COLORS } from './colors';

describe('display colours', () => {
  it('computes WCAG contrast as the checkers do', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // The English button before issue 13: 3.44:1 by axe.
    expect(contrast('#5d6d85', BACKGROUND)).toBeCloseTo(3.45, 2);
  });

  it('every bar colour and legend square stands out from the background by at least 3:1 (WCAG 1.4.11)', () => {
    const levels = ['high', 'medium', 'low', 'trust', 'no-trust', 'other-1', 'other-2', 'other-3', 'other-4', 'other-5'].map((id, i) => levelColor(id, i));
    for (const color of [...levels, INVALID_COLOR, ...Object.values(TURNOUT_COLORS)]) expect(contrast(color, BACKGROUND), color).toBeGreaterThanOrEqual(3);
  });

  it('the turnout bar nests three shades each lighter than the one it sits on', () => {
    expect(contrast(TURNOUT_COLORS.issued, TURNOUT_COLORS.present)).toBeGreaterThanOrEqual(2);
    expect(contrast(TURNOUT_COLORS.collected, TURNOUT_COLORS.issued)).toBeGreaterThan(1.3);
  });
});
