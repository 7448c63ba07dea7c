/** A label value built to break naive PromQL substitution and naive HTML rendering. */
export const HOSTILE_WORKFLOW_TYPE = 'Evil"} or vector(1) <img src=x onerror=alert(1)> .*|\\';
export const SIM_SEED = 7;
/** The canary's enforce share the e2e simulator runs with (ground truth for /policy). */
export const SIM_CANARY_PERCENT = 25;
