/** 好差评 levels, score 1 … 5: the five the national 好差评 system uses. */
export const SCORES = ['非常不满意', '不满意', '一般', '满意', '非常满意'] as const;

/** Scores below 满意 need a reason (what went wrong is what a centre can act on). */
export const REASON_BELOW = 4;

export const scoreLabel = (score: number): string => SCORES[score - 1] ?? String(score);
