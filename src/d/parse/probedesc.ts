/**
 * Probe descriptions as dtrace_xstr2desc (dt_subr.c) splits them: the text
 * is cut at ':' from the right, so the fields given are the rightmost ones
 * (`BEGIN` is the name, `a:b` is function:name); more than four fields is
 * "Overspecified probe description". A `$N` or `$name` in a field is replaced
 * by the macro argument or variable, text after it kept.
 */

export interface ProbeFields { provider: string; module: string; func: string; name: string }

/** Splits without expanding macros. Returns null when there are more than four fields. */
export function splitProbeDesc(text: string): ProbeFields | null {
  const parts = text.split(':');
  if (parts.length > 4) return null;
  while (parts.length < 4) parts.unshift('');
  return { provider: parts[0]!, module: parts[1]!, func: parts[2]!, name: parts[3]! };
}

/**
 * Expands `$N` (macro argument N; $0 is the program name) and `$name`
 * (macro variables such as `$pid`, `$target`) in each field, as
 * dtrace_xstr2desc does: only the first `$` of a field is expanded.
 * Returns the error text dtrace would give (EDT_BADSPCV) for an undefined one.
 */
export function expandProbeField(field: string, argv: readonly string[], vars: Readonly<Record<string, string>>): string | { error: string } {
  const d = field.indexOf('$');
  if (d < 0) return field;
  let p = d + 1;
  let value: string | undefined;
  if (p < field.length && field.charCodeAt(p) >= 48 && field.charCodeAt(p) <= 57) {
    while (p < field.length && field.charCodeAt(p) >= 48 && field.charCodeAt(p) <= 57) p++;
    value = argv[Number(field.slice(d + 1, p))];
  } else {
    while (p < field.length && /[A-Za-z0-9_]/.test(field[p]!)) p++;
    const name = field.slice(d + 1, p);
    value = Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
  }
  if (value === undefined) return { error: 'Undefined macro variable in probe description' };
  return field.slice(0, d) + value + field.slice(p);
}
