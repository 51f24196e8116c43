export { applyPromotion, type ApplyOptions, type ApplyResult } from './apply.js';
export { ARRIVAL_NOTES_REF, arrivalLine, arrivalsAlong, parseArrivalNote } from './arrival.js';
export { pushArrivals, readArrivals, recordArrival } from './arrival-notes.js';
export { branchNameProblem, gitBranchNameProblem } from './branch-name.js';
export { branchTip, checkBranchName, readPromotionInput, type PromotionBranches } from './facts.js';
export { formatDuration, formatPlan, formatTime } from './format.js';
export {
  DEFAULT_SOAK_SECONDS,
  planPromotion,
  type BranchTip,
  type CommitInfo,
  type PlanOptions,
  type PromotionCommit,
  type PromotionInput,
  type PromotionPlan,
} from './plan.js';
export { promotionTarget, type PromotionTarget } from './stage.js';
