/** A label value built to break naive PromQL substitution and naive HTML rendering. */
export const HOSTILE_WORKFLOW_TYPE = 'Evil"} or vector(1) <img src=x onerror=alert(1)> .*|\\';
export const SIM_SEED = 7;
