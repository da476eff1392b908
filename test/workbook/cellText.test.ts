/** "A leading apostrophe keeps text": the one rule, written (textCell, keptText) and read (shownValue). */
import { keptText, shownText, shownValue, textCell } from '../../src/workbook/cellText';
import { csvCell } from '../../src/preview/open/csvImport';
import { shown } from '../../src/workbook/recalc';

describe('a leading apostrophe keeps text', () => {
  it('marks text that would be a formula or an escape, and shows it without the mark', () => {
    expect(keptText('=A1')).toBe("'=A1");
    expect(keptText("'Tis")).toBe("''Tis");
    expect(keptText('-abc')).toBe('-abc');
    expect(shownValue(keptText('=A1'))).toBe('=A1');
    expect(shownValue(keptText("'Tis"))).toBe("'Tis");
    expect(shownValue(textCell('=Reading'))).toBe('=Reading');
    expect(shownValue(42)).toBe(42);
    expect(shownValue(null)).toBeNull();
  });

  it('is the rule the CSV reader and the recalculation use', () => {
    expect(csvCell(' =SUM(A1) ').value).toBe("'=SUM(A1)");
    expect(shown(csvCell("'07700").value)).toBe("'07700");
    expect(shown(undefined)).toBeNull();
    expect(shownText("'x")).toBe('x');
  });
});
