import { describe, expect, it } from 'vitest';
import { figuresOf, type Counters } from '../../functions/domain/figures.ts';
import { publicFiguresOf, suppressionFor } from '../../functions/domain/public-figures.ts';

const CATEGORIES = ['housing', 'land', 'labour'];
const suppressed = suppressionFor('township', 30)!;

describe('when small public counts are withheld', () => {
  it.each([
    ['a county over a week', 'county', 7, false],
    ['a city over a month', 'city', 30, false],
    ['a province over a quarter', 'province', 92, false],
    ['a county over six days', 'county', 6, true],
    ['a province over a day', 'province', 1, true],
    ['a township over a year', 'township', 365, true],
    ['a village over a week', 'village', 7, true],
  ] as const)('%s: %s', (_, level, days, withheld) => {
    const suppression = suppressionFor(level, days);
    if (withheld) expect(suppression).toEqual({ below: 5, reason: expect.any(String) });
    else expect(suppression).toBeNull();
  });

  it('says why: the area, the range, or both', () => {
    expect(suppressionFor('township', 30)!.reason).toMatch(/^the region is below county level: /);
    expect(suppressionFor('county', 3)!.reason).toMatch(/^the range is shorter than 7 days: /);
    expect(suppressionFor('village', 3)!.reason).toMatch(/^the region is below county level and the range is shorter than 7 days: /);
  });
});

describe('public figures', () => {
  const counters: Counters = {
    received: 12,
    'channel:online': 8,
    'channel:letter': 3,
    'channel:visit': 1,
    'category:housing': 7,
    'category:land': 5,
    'status:received': 2,
    'status:accepted': 6,
    'status:closed': 4,
    repeat: 5,
    collective: 1,
    overdue: 0,
    'acceptance:timely': 9,
    'acceptance:late': 1,
    'handling:onTime': 6,
    'handling:late': 0,
    'rating:satisfied': 2,
    'rating:dissatisfied': 1,
  };

  it('are the staff figures, and say nothing was withheld, where no suppression applies', () => {
    expect(publicFiguresOf(counters, CATEGORIES, null)).toEqual({ ...figuresOf(counters, CATEGORIES), suppressed: null });
  });

  it('withhold every count from 1 to 4, keep zero and 5 up, and say so', () => {
    const shown = publicFiguresOf(counters, CATEGORIES, suppressed);
    expect(shown).toMatchObject({ received: 12, repeat: 5, collective: null, overdue: 0, overLevel: 0, escalated: 0, suppressed });
    // letter 3 and visit 1 withheld: two withheld, their sum (4) is all a reader can get back.
    expect(shown.byChannel).toEqual({ online: 8, letter: null, visit: null, phone: 0, leader_visit: 0 });
    expect(shown.byCategory).toEqual({ housing: 7, land: 5, labour: 0 });
  });

  it('withhold one more count of a breakdown where one alone could be had back from the total', () => {
    // received 12 = 2 + 5 + 5: with "received: 2" alone withheld, 12 − 5 − 5 would give it back.
    const oneSmall = publicFiguresOf({ ...counters, 'status:received': 2, 'status:accepted': 5, 'status:closed': 5 }, CATEGORIES, suppressed);
    expect(oneSmall.byStatus).toMatchObject({ received: null, accepted: null, closed: 5 });
  });

  it('withhold a rate counted from a small part or a small rest, keep the others', () => {
    const shown = publicFiguresOf(counters, CATEGORIES, suppressed);
    // 9 of 10 timely: the one late decision would show.
    expect(shown.timelyAcceptanceRate).toBeNull();
    // 6 of 6 on time: nothing small.
    expect(shown.onTimeClosureRate).toBe(1);
    // 2 of 3 satisfied.
    expect(shown.satisfactionRate).toBeNull();
    const large = publicFiguresOf({ ...counters, 'acceptance:timely': 20, 'acceptance:late': 5 }, CATEGORIES, suppressed);
    expect(large.timelyAcceptanceRate).toBe(0.8);
  });

  it('leave a rate of nothing counted null, as staff see it', () => {
    expect(publicFiguresOf({}, CATEGORIES, suppressed)).toMatchObject({ received: 0, satisfactionRate: null, timelyAcceptanceRate: null });
  });
});
