/**
 * Groups assessment columns by subject and puts each subject's assessment points in time order, so
 * a report can show how the gap changed between points: "Eng Aut", "Eng Spr", "Eng Sum" are English
 * at three points; "Reading Pre" and "Reading Post" are reading before and after.
 *
 * A header is split into a subject and a point. Points recognised (case-insensitive, anywhere in
 * the header): terms (Aut/Autumn < Spr/Spring < Sum/Summer, with optional 1/2 halves), Pre/Baseline
 * < Mid < Post/End/Final, T1..T6 / Term 1..6 / HT1..HT6 / DD1..DD6 (data drops) / Assessment 1..6,
 * On entry/Entry counts with Pre/Baseline; Reception, YR, EYFS, K and Y0 are the year before Year 1,
 * so they come before every other point of the subject. An optional year ("Y7", "Yr 8", "Year 9")
 * orders across years first. A header with no
 * point is a subject assessed once. Subjects keep the order of their first column.
 *
 * @example detectAssessmentPoints([{ index: 5, header: "Eng Spr", ... }, { index: 4, header: "Eng Aut", ... }])
 * // [{ subject: "Eng", points: [{ index: 4, label: "Aut", ... }, { index: 5, label: "Spr", ... }] }]
 */
import type { DetectedColumn } from './column';
import { headerKey } from './headers';

export interface AssessmentPoint {
  /** Column index in the data. */
  index: number;
  /** The column's header. */
  header: string;
  /** The point as written in the header ("Aut", "Pre", "T2"); the header itself when none. */
  label: string;
  /** Sort key: earlier points have smaller keys. */
  order: number;
}

export interface AssessmentSubject {
  /** Subject as written in the headers ("Eng", "Maths", "Reading"). */
  subject: string;
  /** The subject's points, earliest first. */
  points: AssessmentPoint[];
}

interface PointRule {
  pattern: RegExp;
  order: (m: RegExpExecArray) => number;
}

const TERM: Record<string, number> = { au: 1, aut: 1, autumn: 1, sp: 3, spr: 3, spring: 3, su: 5, sum: 5, summer: 5 };
const PHASE: Record<string, number> = { pre: 0, baseline: 0, entry: 0, base: 0, start: 0, before: 0, mid: 1, middle: 1, interim: 1, post: 2, end: 2, final: 2, after: 2, exit: 2 };

/** Point rules, tried in order on the header's space-separated words (lower case). */
const POINT_RULES: PointRule[] = [
  { pattern: /\b(au|aut|autumn|sp|spr|spring|su|sum|summer)(?: ?(?:term|t))?(?: ?([12]))?\b/, order: (m) => TERM[m[1]] + (m[2] === '2' ? 1 : 0) },
  { pattern: /\b(pre|baseline|entry|base|start|before|mid|middle|interim|post|end|final|after|exit)\b/, order: (m) => PHASE[m[1]] },
  { pattern: /\b(?:t|term|ht|half term|dd|data drop|drop|assessment|ass|a|p|point|cycle|c)\s?([1-9])\b/, order: (m) => Number(m[1]) },
];

const YEAR = /\b(?:y|yr|year)\s?(1[0-3]|[1-9])\b/;

/** Early-years points (Reception and before), ordered before Year 1 and before any point with no year. */
const EARLY_YEAR = /\b(?:reception|eyfs|yr|k|(?:y|yr|year) ?0)\b/;
const EARLY_ORDER = -100;


/** A pattern finding a lower-cased, space-separated match in the original header ("y 7" finds "Y7"). */
function looseIn(part: string): RegExp {
  const words = part.split(' ').filter((w) => w !== '');
  return new RegExp(`(?<![A-Za-z])${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^A-Za-z0-9]*')}(?![A-Za-z])`, 'i');
}

/** Removes a matched part from the original header (case kept), tidying separators. */
function without(header: string, part: string): string {
  return header.replace(looseIn(part), ' ').replace(/[\s_\-:/()]+/g, ' ').trim();
}

/** The part of the original header that a match came from ("y 7" -> "Y7"). */
function asWritten(header: string, part: string): string {
  return looseIn(part).exec(header)?.[0] ?? part;
}

/** One header's subject and point. */
export function splitAssessmentHeader(header: string): { subject: string; label: string; order: number } {
  const whole = header.trim();
  let subject = whole;
  let order = 0;
  const labels: string[] = [];
  const early = EARLY_YEAR.exec(headerKey(whole));
  const y = early ? null : YEAR.exec(headerKey(whole));
  if (early && without(subject, early[0]) !== '') {
    order += EARLY_ORDER;
    labels.push(asWritten(whole, early[0]));
    subject = without(subject, early[0]);
  }
  if (y && without(subject, y[0]) !== '') {
    order += Number(y[1]) * 100;
    labels.push(asWritten(whole, y[0]));
    subject = without(subject, y[0]);
  }
  const rest = headerKey(subject);
  for (const rule of POINT_RULES) {
    const m = rule.pattern.exec(rest);
    if (!m) continue;
    const trimmed = without(subject, m[0]);
    if (trimmed === '') continue; // the whole header is the point word: keep it as the subject
    order += rule.order(m);
    labels.push(asWritten(whole, m[0]));
    subject = trimmed;
    break;
  }
  if (labels.length === 0) return { subject: whole, label: whole, order: 0 };
  return { subject, label: labels.join(' '), order };
}

/** Subject key for grouping: case, spaces and punctuation ignored ("Eng" and "ENG" are one subject). */
export function subjectKey(subject: string): string {
  return headerKey(subject);
}

/**
 * Assessment columns grouped by subject, each subject's points in time order (ties keep column
 * order). Columns with other roles are ignored.
 */
export function detectAssessmentPoints(columns: readonly DetectedColumn[]): AssessmentSubject[] {
  const bySubject = new Map<string, AssessmentSubject>();
  for (const c of columns) {
    if (c.role !== 'assessment') continue;
    const s = splitAssessmentHeader(c.header);
    const key = subjectKey(s.subject);
    let group = bySubject.get(key);
    if (!group) {
      group = { subject: s.subject, points: [] };
      bySubject.set(key, group);
    }
    group.points.push({ index: c.index, header: c.header, label: s.label, order: s.order });
  }
  const out = [...bySubject.values()];
  for (const g of out) g.points.sort((a, b) => a.order - b.order || a.index - b.index);
  return out;
}
