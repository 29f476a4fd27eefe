import { cesScore, csatScore, npsScore } from '../../../insights';

const repeat = (value: number, times: number): number[] => Array.from({ length: times }, () => value);

describe('CES = somme des points / nombre d’avis (seed 000_71a74d5e213a3ded.txt)', () => {
  it('gives 2.8 for answers like Mon aide à l’heure’s today: 28 points over 10 answers', () => {
    // Seed 000: "l'équipe réalise que le CES est de 2,8 points". 1+1+2+2+3+3+3+4+4+5 = 28.
    const score = cesScore([1, 1, 2, 2, 3, 3, 3, 4, 4, 5]);
    expect(score).toEqual({ count: 10, sum: 28, value: 2.8, distribution: [2, 2, 3, 2, 1] });
  });

  it('gives the 2.0 target when answers average two points (facile)', () => {
    // Seed 000: "ce score doit être amélioré pour tendre vers 2 points".
    expect(cesScore([1, 2, 3, 2, 2])?.value).toBe(2);
    expect(cesScore(repeat(2, 7))?.value).toBe(2);
  });

  it('scores the five labels with their seed points: très facile 1 … très compliqué 5', () => {
    expect(cesScore([1])?.value).toBe(1);
    expect(cesScore([5])?.value).toBe(5);
    expect(cesScore([1, 5])?.value).toBe(3);
  });

  it('has no score without answers and refuses points off the scale', () => {
    expect(cesScore([])).toBeUndefined();
    expect(() => cesScore([0])).toThrow(RangeError);
    expect(() => cesScore([2.5])).toThrow(RangeError);
  });
});

describe('CSAT on 1…5 (seed 001_56e12692b465075a.txt: "une note de 1 à 5")', () => {
  it('reports the share of 4 and 5 in % and the mean', () => {
    expect(csatScore([5, 4, 4, 3, 1])).toEqual({ count: 5, satisfied: 3, satisfiedPercent: 60, mean: 3.4 });
    expect(csatScore([2, 3])).toEqual({ count: 2, satisfied: 0, satisfiedPercent: 0, mean: 2.5 });
    expect(csatScore([])).toBeUndefined();
    expect(() => csatScore([6])).toThrow(RangeError);
  });
});

describe('NPS = % promoteurs (9–10) − % détracteurs (0–6) (seed 001_56e12692b465075a.txt)', () => {
  // Seed 001's worked example: 30 detractors, 10 passives, 35 promoters, 75 answers.
  const seedExample = [
    ...repeat(3, 30),
    ...repeat(7, 5),
    ...repeat(8, 5),
    ...repeat(9, 20),
    ...repeat(10, 15),
  ];

  it('gives 7 on the seed’s example: 35/75 → 47 %, 30/75 → 40 %, 47 − 40 = 7', () => {
    expect(npsScore(seedExample)).toEqual({
      count: 75,
      promoters: 35,
      passives: 10,
      detractors: 30,
      promoterPercent: 47,
      detractorPercent: 40,
      value: 7,
    });
  });

  it('is not the difference of counts (35 − 30 = 5) nor a mean, the seed’s two beginner errors', () => {
    const nps = npsScore(seedExample);
    expect(nps?.value).not.toBe(35 - 30);
    const mean = seedExample.reduce((a, b) => a + b, 0) / seedExample.length;
    expect(nps?.value).not.toBeCloseTo(mean);
  });

  it('rounds each percentage to a whole number before subtracting', () => {
    // 1 promoter of 3 → 33.3 % → 33; 2 detractors → 66.7 % → 67: NPS −34 (exact difference −33.3).
    expect(npsScore([10, 0, 6])).toMatchObject({ promoterPercent: 33, detractorPercent: 67, value: -34 });
  });

  it('spans −100 … 100 as the seed says', () => {
    expect(npsScore(repeat(0, 4))?.value).toBe(-100);
    expect(npsScore(repeat(10, 4))?.value).toBe(100);
    expect(npsScore(repeat(7, 4))?.value).toBe(0);
    expect(npsScore([])).toBeUndefined();
    expect(() => npsScore([11])).toThrow(RangeError);
  });
});
