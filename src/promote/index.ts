export { applyPromotion, type ApplyOptions, type ApplyResult } from './apply.js';
export { branchTip, readPromotionInput, type PromotionBranches } from './facts.js';
export { formatDuration, formatPlan, formatTime } from './format.js';
export {
  DEFAULT_SOAK_SECONDS,
  planPromotion,
  type BranchTip,
  type CommitInfo,
  type PlanOptions,
  type PromotionInput,
  type PromotionPlan,
} from './plan.js';
export { promotionTarget, type PromotionTarget } from './stage.js';
