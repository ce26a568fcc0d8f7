import type { SeedGender } from '../seed-dataset.js';
import type { SeededRandom } from './seeded-random.js';

/** Common surnames, weighted roughly by frequency so 王/李/张/刘/陈 dominate as they do in real rolls. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72],
  ['李', 72],
  ['张', 68],
  ['刘', 55],
  ['陈', 46],
  ['杨', 32],
  ['黄', 25],
  ['赵', 21],
  ['吴', 20],
  ['周', 20],
  ['徐', 15],
  ['孙', 14],
  ['马', 13],
  ['朱', 13],
  ['胡', 12],
  ['郭', 12],
  ['何', 11],
  ['林', 10],
  ['高', 10],
  ['罗', 10],
  ['郑', 9],
  ['梁', 9],
  ['谢', 8],
  ['宋', 7],
  ['唐', 7],
  ['许', 7],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 6],
  ['彭', 6],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['袁', 5],
  ['潘', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['魏', 4],
  ['苏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['钟', 3],
  ['谭', 3],
  ['廖', 3],
  ['汪', 2],
  ['范', 2],
  ['金', 2],
  ['石', 2],
  ['邹', 2],
  ['熊', 2],
  ['邱', 2],
  ['严', 1],
  ['欧阳', 0.5],
  ['司马', 0.2],
];

const MALE_CHARS = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋峰建国志文海东兴福德成荣春松柏山川江',
];
const FEMALE_CHARS = [...'芳娜敏静丽艳娟霞秀玲桂英萍红梅琳燕婷雪慧莉倩颖琴兰凤洁丹佳月晓欣怡蓉琼薇淑珍云'];
const SHARED_FIRST_CHARS = [...'小晓海春玉建永新德志文明国家金立'];

/**
 * Deterministic, unique-within-one-generator Chinese names. Deputies are synthetic people: the reports
 * name no deputies, so every name here is invented.
 */
export class ChineseNameGenerator {
  private readonly used = new Set<string>();

  constructor(private readonly rng: SeededRandom) {}

  next(gender: SeedGender): string {
    for (let attempt = 0; attempt < 200; attempt++) {
      const name = this.candidate(gender);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error('ChineseNameGenerator: name space exhausted');
  }

  private candidate(gender: SeedGender): string {
    const surname = this.rng.weighted(SURNAMES);
    const own = gender === 'FEMALE' ? FEMALE_CHARS : MALE_CHARS;
    // About a third of given names are one character, as in real rolls of a rural township.
    if (this.rng.chance(0.3)) return surname + this.rng.pick(own);
    const first = this.rng.chance(0.35) ? this.rng.pick(SHARED_FIRST_CHARS) : this.rng.pick(own);
    return surname + first + this.rng.pick(own);
  }
}
