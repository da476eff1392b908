/**
 * The small-group size: groups with fewer pupils than this are flagged, and their intervals are
 * widened to at least a pooled-variance interval. DfE performance tables suppress groups under 6.
 *
 * One home for the rule: every measure, note and sheet that speaks of a small group imports it.
 */
export const SMALL_GROUP = 6;
