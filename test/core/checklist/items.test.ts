import { AREAS, ITEMS, areaByName, areaOf } from '../../../src/core/checklist/items';

describe('the checklist statements', () => {
  test('there are eleven statements under the seven areas, every area holding at least one', () => {
    expect(ITEMS).toHaveLength(11);
    expect(AREAS).toHaveLength(7);
    for (const a of AREAS) expect(ITEMS.filter((i) => i.area === a.id).length).toBeGreaterThan(0);
  });

  test('statements are grouped by area in the areas order, so numbering follows the areas', () => {
    const order = ITEMS.map((i) => AREAS.findIndex((a) => a.id === i.area));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  test('ids are unique and every statement has a title, wording and an evidence hint', () => {
    expect(new Set(ITEMS.map((i) => i.id)).size).toBe(ITEMS.length);
    for (const i of ITEMS) {
      expect(i.title.length).toBeGreaterThan(5);
      expect(i.text.length).toBeGreaterThan(i.title.length);
      expect(i.hint.length).toBeGreaterThan(10);
    }
  });

  test('the data statement cites gap reports and the impact statement cites evaluations', () => {
    expect(ITEMS.filter((i) => i.evidenceFrom === 'gaps').map((i) => i.id)).toEqual(['data']);
    expect(ITEMS.filter((i) => i.evidenceFrom === 'intervention').map((i) => i.id)).toEqual(['impact']);
  });

  test('areas are found by their name whatever the case and spaces', () => {
    expect(areaByName("  LEADERS' ROLES AND SKILLS ")?.id).toBe('leadership');
    expect(areaByName('Somewhere else')).toBeNull();
    expect(areaOf('barriers').name).toBe('Understanding what holds progress back');
  });
});
