/**
 * Every gap measure on one messy Year 6 export (26 pupils), checked against R 4.x.
 *
 * The same pupils in R, with NA for each missing score cell ("ABS", spaces, an #N/A from a lookup,
 * TRUE) and the flags as logicals (the export mixes Y, Yes, FSM, PP, TRUE, 1, Ever6, blanks, N,
 * No, Non-FSM, not pp, 0, Other):
 *   sc   <- c(104, 98, NA, 110, 95, 101, 88, 107, 99, NA, 112, 93, 100, 100, 86, 115, NA, 97, 103, 91, 108, 100, NA, 94, 102, 89)
 *   fl   <- c(1,1,1,0,0,1,1,0,0,0,0,1,0,1,1,0,0,1,0,1,0,0,1,1,0,1) == 1
 *   sen  <- c("N","K","N","N","E","K",NA,"N","N","K","N","K","N","N","K","N","N","N","N","E","N","N","K","N","N","K")
 *   set  <- c(1,2,3,1,2,3,3,1,2,1,1,3,2,2,3,1,1,2,1,3,1,2,3,3,1,NA)
 *   base <- c(100, 99, 96, 106, NA, 97, 90, 103, 100, 101, 108, 95, 98, 96, 88, 110, 102, NA, 101, 90, 104, 99, 93, 95, 100, 92)
 *   ok <- !is.na(sc); d <- sc[ok & fl]; o <- sc[ok & !fl]
 *   p <- function(x) sprintf("%.15g", x)
 * Each expected value below quotes the R expression that produced it.
 */
import { effectSize, fsmGap, gapIndex, gapSummary, groupGap, progressGap, representation, thresholdGap } from '../../../src/core/gaps';

const col = (xs: unknown[]) => xs.map((x) => [x]);
const freeze = (g: unknown[][]) => Object.freeze(g.map((r) => Object.freeze(r))) as unknown as unknown[][];
const NA_ERROR = Object.freeze({ code: '#N/A', message: 'lookup failed' });

const SCORES = freeze(col([
  104, '98', 'ABS', 110, ' 95 ', 101, 88, '107', 99, '   ', 112, 93, '100.0', 100, 86, 115, NA_ERROR, 97, 103, 91, 108, 100, true, 94, 102, 89,
]));
const FLAGS = freeze(col([
  'Y', 'Yes', 'FSM', '', null, 'PP', true, 'N', 'No', 'Non-FSM', 0, 1, 'not pp', ' y ', 'TRUE', 'Other', false, 'Ever6', 'n', '1', 'NO', '', 'fsm6', 'yes', null, 'Y',
]));
const SEN = freeze(col(['N', 'K', 'n', 'N', 'E', ' k ', '', 'N', 'N', 'K', 'N', 'K', 'N', 'N', 'K', 'N', 'N', 'N', 'N', 'e', 'N', 'N', 'K', 'N', 'N', 'K']));
const BASE = freeze(col([100, 99, 96, 106, 'n/a', 97, 90, 103, 100, 101, 108, 95, 98, 96, 88, 110, 102, null, 101, 90, 104, 99, 93, 95, 100, 92]));
// Sets as numbers and text, then the empty rows a selection of the table's column picks up.
const SETS = freeze(col([1, '2', 3, 1, 2, '3', 3, 1, 2, 1, ' 1', 3, 2, 2, 3, 1, 1, 2, 1, 3, 1, 2, 3, 3, 1, null, null, null, '']));
const FLAGS_WITH_EMPTY_ROWS = freeze([...FLAGS, [null], [''], [null]]);

describe('gap measures on a messy Year 6 export (R reference)', () => {
  it('FSMGAP is the mean of others minus the mean of disadvantaged pupils (R: p(mean(o) - mean(d)) = 10)', () => {
    expect(fsmGap(SCORES, FLAGS)).toBeCloseTo(10, 12);
  });

  it('GAPINDEX uses average ranks for ties (R: r <- rank(sc[ok]); f <- fl[ok]; p(20*(mean(r[!f]) - mean(r[f]))/length(r)) = 7.52066115702479)', () => {
    expect(gapIndex(SCORES, FLAGS)).toBeCloseTo(7.52066115702479, 12);
  });

  it('THRESHOLDGAP counts scores at or above the threshold (R: p(mean(o >= 100) - mean(d >= 100)) = 0.545454545454546; at 110: 0.272727272727273)', () => {
    expect(thresholdGap(SCORES, FLAGS, 100)).toBeCloseTo(0.545454545454546, 12);
    expect(thresholdGap(SCORES, FLAGS, 110)).toBeCloseTo(0.272727272727273, 12);
  });

  describe('GAPSUMMARY', () => {
    const s = gapSummary(SCORES, FLAGS);
    it('leaves blank-flag pupils out when blanks are read as unknown (R: blank <- seq_along(sc) %in% c(4,5,22,25); o2 <- sc[ok & !fl & !blank]; length(o2) = 7, gap 11.6493506493507, t.test(o2, d)$conf.int 5.43663111531799 17.8620701833833)', () => {
      const u = gapSummary(SCORES, FLAGS, 0.95, { blanks: 'unknown' });
      expect([u.nDisadvantaged, u.nOther, u.leftOut, u.blankFlags]).toEqual([11, 7, 8, 4]);
      expect(u.gap).toBeCloseTo(11.6493506493507, 11);
      expect(u.ciLower).toBeCloseTo(5.43663111531799, 10);
      expect(u.ciUpper).toBeCloseTo(17.8620701833833, 10);
      expect(u.p).toBeCloseTo(0.00141751629990276, 12);
      expect(u.note).toBe('4 pupils with a blank flag were left out as unknown, because the column also holds explicit "N".');
    });
    it('counts both groups and the score cells left out (R: length(d), length(o), sum(!ok) = 11, 11, 4)', () => {
      expect([s.nDisadvantaged, s.nOther, s.leftOut]).toEqual([11, 11, 4]);
    });
    it('gives both means and the gap (R: p(mean(d)) = 94.6363636363636, p(mean(o)) = 104.636363636364)', () => {
      expect(s.meanDisadvantaged).toBeCloseTo(94.6363636363636, 12);
      expect(s.meanOther).toBeCloseTo(104.636363636364, 11);
      expect(s.gap).toBeCloseTo(10, 12);
    });
    it('gives the Welch interval and its df (R: tt <- t.test(o, d, var.equal = FALSE); p(tt$conf.int) = 4.64315459688547 15.3568454031145; p(tt$parameter) = 19.9266239788387)', () => {
      expect(s.p).toBeCloseTo(0.00090445614572304, 12); // p(tt$p.value)
      expect(s.ciLower).toBeCloseTo(4.64315459688547, 10);
      expect(s.ciUpper).toBeCloseTo(15.3568454031145, 10);
      expect(s.df).toBeCloseTo(19.9266239788387, 10);
    });
    it('honours another confidence level (R: p(t.test(o, d, conf.level = 0.8)$conf.int) = 6.59684235679461 13.4031576432054)', () => {
      const s80 = gapSummary(SCORES, FLAGS, 0.8);
      expect(s80.ciLower).toBeCloseTo(6.59684235679461, 10);
      expect(s80.ciUpper).toBeCloseTo(13.4031576432054, 10);
    });
    it("gives Hedges' g and the gap index (R: sp <- sqrt(((10*var(o) + 10*var(d))/20)); p((1-3/(4*22-9))*10/sp) = 1.59773691227692)", () => {
      expect(s.hedgesG).toBeCloseTo(1.59773691227692, 10);
      expect(s.gapIndex).toBeCloseTo(7.52066115702479, 12);
    });
    it('says how many blank flags were counted as not disadvantaged, as the column also holds explicit negatives, and nothing else', () => {
      // Rows 4, 5, 22 and 25 have a score and a blank flag; row 8 holds "N".
      expect(s.blankFlags).toBe(4);
      expect(s.blanksAmbiguous).toBe(true);
      expect(s.note).toBe(''); // the range reader keeps the report's notes unless asked
      expect(gapSummary(SCORES, FLAGS, 0.95, { noteBlanks: true }).note).toBe('4 pupils with a blank flag were counted as not disadvantaged, while the column also holds explicit "N": if a blank means "not known", fill those flags in or leave those pupils out.');
      expect(s.smallGroup).toBe(false);
      expect(s.unavailable).toEqual({});
    });
  });

  it('EFFECTSIZE gives g, d and Glass on the two groups (R: p(10/sp) = 1.66080547460364; p(10/sd(d)) = 1.71361184731767)', () => {
    const o = SCORES.filter((_, i) => ![0, 1, 2, 5, 6, 11, 13, 14, 17, 19, 22, 23, 25].includes(i));
    const d = SCORES.filter((_, i) => [0, 1, 2, 5, 6, 11, 13, 14, 17, 19, 22, 23, 25].includes(i));
    expect(effectSize(o, d)).toBeCloseTo(1.59773691227692, 10);
    expect(effectSize(o, d, 'd')).toBeCloseTo(1.66080547460364, 10);
    expect(effectSize(o, d, 'glass')).toBeCloseTo(1.71361184731767, 10);
  });

  it('GROUPGAP compares SEN support with every other pupil, a blank SEN cell included (R: k <- ok & !is.na(sen) & sen == "K"; p(mean(sc[ok & !k]) - mean(sc[k])) = 8.07058823529411)', () => {
    expect(groupGap(SCORES, SEN, 'K')).toBeCloseTo(8.07058823529411, 12);
  });

  it('GROUPGAP compares with a named group only when one is given (R: n <- ok & !is.na(sen) & sen == "N"; p(mean(sc[n]) - mean(sc[k])) = 10.2428571428571; E: 10.6428571428571)', () => {
    expect(groupGap(SCORES, SEN, ' k', 'N')).toBeCloseTo(10.2428571428571, 11);
    expect(groupGap(SCORES, SEN, 'E', 'n')).toBeCloseTo(10.6428571428571, 11);
  });

  it('PROGRESSGAP uses pupils with both scores only (R: pr <- sc - base; okp <- !is.na(pr); p(mean(pr[okp & !fl]) - mean(pr[okp & fl])) = 2.5)', () => {
    expect(progressGap(BASE, SCORES, FLAGS)).toBeCloseTo(2.5, 12);
  });

  it('REPRESENTATION ignores the empty rows of the selection (R: has <- !is.na(set); share <- function(s) mean(fl[has & set == s]) / mean(fl[has]); p(share(1:3)) = 0.208333333333333 0.892857142857143 2.08333333333333)', () => {
    expect(representation(FLAGS_WITH_EMPTY_ROWS, SETS, 1)).toBeCloseTo(0.208333333333333, 12);
    expect(representation(FLAGS_WITH_EMPTY_ROWS, SETS, '2')).toBeCloseTo(0.892857142857143, 12);
    expect(representation(FLAGS_WITH_EMPTY_ROWS, SETS, ' 3 ')).toBeCloseTo(2.08333333333333, 11);
  });

  it('pairs a two-column score block with a one-column flag range in reading order', () => {
    const wide = freeze(Array.from({ length: 13 }, (_, r) => [SCORES[2 * r][0], SCORES[2 * r + 1][0]]));
    expect(fsmGap(wide, FLAGS)).toBeCloseTo(10, 12);
    expect(gapIndex(wide, FLAGS)).toBeCloseTo(7.52066115702479, 12);
    expect(gapSummary(wide, FLAGS).ciLower).toBeCloseTo(4.64315459688547, 10);
  });
});
