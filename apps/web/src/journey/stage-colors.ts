/*
 * One colour per stage, in journey order, the same in every chart of the page: the Okabe–Ito palette,
 * which stays distinguishable for readers with the common colour-vision deficiencies.
 */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#999999', '#F0E442'];

export function stageColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#999999';
}
