/**
 * Where a sentence has brackets inside brackets, or two bracketed phrases in a row (only spaces or
 * punctuation between them), which read badly, as in
 * "(at least 3 months' additional progress) (12 months' additional progress (interval 12 to 12 months))".
 */
export function bracketProblems(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') {
      depth += 1;
      if (depth > 1) out.push(`brackets inside brackets at ${i}: ${text}`);
    } else if (ch === ')') {
      depth -= 1;
      if (/^\)[\s,;:]*\(/.test(text.slice(i))) out.push(`two bracketed phrases in a row at ${i}: ${text}`);
    }
  }
  return out;
}

