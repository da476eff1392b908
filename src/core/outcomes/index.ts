/** Outcomes beyond test scores: rates, attendance, count rates, long-term disadvantage, destinations. */
export { wilsonInterval, zFor, type RateInterval } from './wilson';
export { newcombeDifference, type DifferenceInterval } from './newcombe';
export { rateRatio, type RatioInterval } from './rateRatio';
export { rateGap, rateGapFromCounts, countRates, type RateGap, type RateCounts } from './rateGap';
export { readShare, type ShareReading } from './share';
export { readAttendance, absenceFlags, isPersistentlyAbsent, isSeverelyAbsent, PERSISTENT_ABSENCE, SEVERE_ABSENCE, type AttendanceReading, type AbsenceFlags } from './attendance';
export { attendanceGap, type AttendanceGap } from './attendanceGap';
export { poissonRate, comparePoissonRates, type PoissonRate, type RateComparison } from './poisson';
export { longTermSplit, disadvantageLength, lengthFromShare, LONG_TERM_SHARE, type DisadvantageLength, type LongTermSplit } from './longTerm';
export { proposeDestinationMapping, proposeCategory, applyDestinationMapping, type DestinationCategory, type DestinationProposal } from './destinations';
export { requireConfidence } from './confidence';
export { suspensionRates, type SuspensionRates } from './suspensionRates';
