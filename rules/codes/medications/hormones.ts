/**
 * Hormonal drugs (knowledge base rows A9–A11): estrogens including combined contraceptives,
 * patches and rings; raloxifene; teriparatide. Progestin-only products (Camila, Errin, Jolivette,
 * Mirena, Kyleena, Liletta, the etonogestrel implant, medroxyprogesterone injection) are not
 * estrogens and must not match: the progestins are deliberately absent from these lists.
 */
import { kbUnverified, unverified } from './code-sources.js';
import type { MedicationClass } from './types.js';

export const ESTROGENS: MedicationClass = {
  id: 'estrogen',
  name: 'estrogen (including combined hormonal contraception)',
  ingredients: [
    { name: 'ethinyl estradiol', synonyms: ['ethinylestradiol', 'ethynyl estradiol', 'ethinyloestradiol'], rxcui: unverified('4124') },
    { name: 'estradiol', synonyms: ['oestradiol', 'estradiol valerate', 'estradiol cypionate', 'estradiol acetate'], brands: ['estrace', 'vivelle', 'vivelle-dot', 'climara', 'estraderm', 'divigel', 'elestrin', 'evamist', 'vagifem', 'yuvafem', 'estring', 'femring', 'imvexxy', 'minivelle', 'alora', 'menostar', 'delestrogen', 'depo-estradiol'], rxcui: unverified('4083'), atc: [unverified('G03CA03')] },
    { name: 'estrogens, conjugated (usp)', synonyms: ['conjugated estrogens', 'estrogens conjugated', 'conjugated oestrogens'], brands: ['premarin'], rxcui: unverified('4099'), atc: [kbUnverified('G03CA57')] },
    { name: 'estrogens, esterified (usp)', synonyms: ['esterified estrogens'], brands: ['menest'] },
    { name: 'synthetic conjugated estrogens', brands: ['cenestin', 'enjuvia'] },
    { name: 'estropipate', brands: ['ogen', 'ortho-est'] },
    { name: 'mestranol' },
    { name: 'estetrol' },
  ],
  // G03AA/G03AB combined contraceptives (not G03AC: progestogens alone); G03C estrogens;
  // G03F progestogen + estrogen (HRT); G03HB cyproterone + estrogen; G02BB vaginal ring.
  atcPrefixes: [
    kbUnverified('G03AA'), kbUnverified('G03AB'), kbUnverified('G03CA'), unverified('G03CB'), unverified('G03CC'),
    unverified('G03FA'), unverified('G03FB'), unverified('G03HB'), unverified('G02BB01'),
  ],
};

export const RALOXIFENE: MedicationClass = {
  id: 'raloxifene',
  name: 'raloxifene',
  ingredients: [{ name: 'raloxifene', synonyms: ['raloxifene hydrochloride'], brands: ['evista'], rxcui: unverified('72143'), atc: [kbUnverified('G03XC01')] }],
  atcPrefixes: [kbUnverified('G03XC01')],
};

export const TERIPARATIDE: MedicationClass = {
  id: 'teriparatide',
  name: 'teriparatide',
  ingredients: [{ name: 'teriparatide', brands: ['forteo', 'bonsity'], atc: [kbUnverified('H05AA02')] }],
  atcPrefixes: [kbUnverified('H05AA02')],
};
