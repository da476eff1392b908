/**
 * The check every interval in outcomes/ and trends/ makes on its confidence level, with the same
 * message as the gap summary's: a fraction strictly between 0 and 1.
 *
 * @throws `#VALUE!` for 95, 0, 1, NaN...
 * @example requireConfidence(0.95) // 0.95
 */
import { valueError } from '../errors';

export function requireConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw valueError(`confidence must be a fraction between 0 and 1, such as 0.95 for a 95% interval, but it is ${confidence}`);
  }
  return confidence;
}
