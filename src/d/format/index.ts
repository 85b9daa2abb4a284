/**
 * dtrace-exact output formatting: the public surface of src/d/format.
 *
 *  - printf.ts   parseFormat / checkFormat / formatValues / formatPrintaRow (dt_printf.c)
 *  - printa.ts   default aggregation rows, distributions, printa with a format, UI snapshots (dt_consume.c)
 *  - trace.ts    trace()/tracemem()/stack() records and the non-quiet probe line (dt_consume.c, dtrace.c)
 *  - cprintf.ts  single C conversions (glibc-exact), cfloat.ts exact %e/%f/%g
 *  - types.ts    the DTypeDesc view of D types the checker implements
 */
export * from './printf.ts';
export * from './printa.ts';
export * from './trace.ts';
export * from './types.ts';
export { cChar, cFloat, cInt, cString } from './cprintf.ts';
export { strchr2esc } from './escape.ts';
export { formatTimeY, formatTime822 } from './time.ts';
