/**
 * D compiler diagnostics: dtrace's error tags (dt_errtags.h), the message
 * shapes of dt_parser.c, and the way dtrace(1) prints them.
 *
 * How dtrace builds a compile error (illumos dt_subr.c dt_set_errmsg):
 *
 *     [TAG] "file", line N: message     -- -xerrtags; a #line/#include file name
 *     line N: message                    -- a script file (-s)
 *     in REGION: message                 -- no line (a -n program), during cooking
 *     message                            -- a -n program during parsing
 *
 * and dtrace(1) prefixes it with "dtrace: failed to compile script x.d: " for
 * -s, or "dtrace: invalid probe specifier PROG: " for -n (dfatal). Line
 * numbers are printed only for programs read from a file (pcb_fileptr).
 *
 * yyerror() appends ` near "TOKEN"` (or ` near end of input`) to messages
 * written without a trailing newline; `syntaxNear` does that here.
 */
import type { Diagnostic } from '../engine/api.ts';

/** The tags of illumos/Oracle dt_errtags.h (a string, so later tags need no change here). */
export type ErrTag =
  | 'D_UNKNOWN' | 'D_SYNTAX' | 'D_EMPTY' | 'D_TYPE_ERR' | 'D_TYPE_MEMBER' | 'D_ASRELO' | 'D_CG_EXPR'
  | 'D_CG_DYN' | 'D_ATTR_MIN' | 'D_ID_OFLOW' | 'D_PDESC_ZERO' | 'D_PDESC_INVAL' | 'D_PRED_SCALAR'
  | 'D_FUNC_IDENT' | 'D_FUNC_UNDEF' | 'D_FUNC_IDKIND' | 'D_OFFSETOF_TYPE' | 'D_OFFSETOF_BITFIELD'
  | 'D_SIZEOF_TYPE' | 'D_SIZEOF_BITFIELD' | 'D_STRINGOF_TYPE' | 'D_OP_IDENT' | 'D_OP_INT' | 'D_OP_SCALAR'
  | 'D_OP_ARITH' | 'D_OP_WRITE' | 'D_OP_LVAL' | 'D_OP_INCOMPAT' | 'D_OP_VFPTR' | 'D_OP_ARRFUN' | 'D_OP_PTR'
  | 'D_OP_SOU' | 'D_OP_INCOMPLETE' | 'D_OP_DYN' | 'D_OP_ACT' | 'D_AGG_REDEF' | 'D_AGG_FUNC' | 'D_AGG_MDIM'
  | 'D_ARR_BADREF' | 'D_ARR_BOUNDS' | 'D_ARR_LOCAL' | 'D_DIV_ZERO' | 'D_DEREF_NONPTR' | 'D_DEREF_VOID' | 'D_DEREF_FUNC'
  | 'D_ADDROF_LVAL' | 'D_ADDROF_VAR' | 'D_ADDROF_BITFIELD' | 'D_XLATE_REDECL' | 'D_XLATE_NOCONV'
  | 'D_XLATE_NONE' | 'D_XLATE_SOU' | 'D_XLATE_INCOMPAT' | 'D_XLATE_MEMB' | 'D_CAST_INVAL' | 'D_PRAGERR'
  | 'D_PRAGCTL_INVAL' | 'D_PRAGMA_INVAL' | 'D_PRAGMA_UNUSED' | 'D_PRAGMA_MALFORM' | 'D_PRAGMA_OPTSET'
  | 'D_PRAGMA_SCOPE' | 'D_PRAGMA_DEPEND' | 'D_MACRO_UNDEF' | 'D_MACRO_OFLOW' | 'D_MACRO_UNUSED'
  | 'D_INT_OFLOW' | 'D_INT_DIGIT' | 'D_STR_NL' | 'D_CHR_NL' | 'D_CHR_NULL' | 'D_CHR_OFLOW'
  | 'D_IDENT_BADREF' | 'D_IDENT_UNDEF' | 'D_IDENT_AMBIG' | 'D_SYM_BADREF' | 'D_SYM_NOTYPES' | 'D_SYM_MODEL'
  | 'D_VAR_UNDEF' | 'D_VAR_UNSUP' | 'D_PROTO_LEN' | 'D_PROTO_ARG' | 'D_ARGS_MULTI' | 'D_ARGS_XLATOR'
  | 'D_ARGS_NONE' | 'D_ARGS_TYPE' | 'D_ARGS_IDX' | 'D_REGS_IDX' | 'D_KEY_TYPE' | 'D_PRINTF_DYN_PROTO'
  | 'D_PRINTF_DYN_TYPE' | 'D_PRINTF_AGG_CONV' | 'D_PRINTF_ARG_PROTO' | 'D_PRINTF_ARG_TYPE'
  | 'D_PRINTF_ARG_EXTRA' | 'D_PRINTF_ARG_FMT' | 'D_PRINTF_FMT_EMPTY' | 'D_DECL_CHARATTR' | 'D_DECL_VOIDATTR'
  | 'D_DECL_SIGNINT' | 'D_DECL_LONGINT' | 'D_DECL_IDENT' | 'D_DECL_CLASS' | 'D_DECL_BADCLASS'
  | 'D_DECL_PARMCLASS' | 'D_DECL_COMBO' | 'D_DECL_ARRSUB' | 'D_DECL_ARRNULL' | 'D_DECL_ARRBIG'
  | 'D_DECL_IDRED' | 'D_DECL_TYPERED' | 'D_DECL_MNAME' | 'D_DECL_SCOPE' | 'D_DECL_BFCONST' | 'D_DECL_BFSIZE'
  | 'D_DECL_BFTYPE' | 'D_DECL_ENCONST' | 'D_DECL_ENOFLOW' | 'D_DECL_USELESS' | 'D_DECL_LOCASSC'
  | 'D_DECL_VOIDOBJ' | 'D_DECL_DYNOBJ' | 'D_DECL_INCOMPLETE' | 'D_DECL_PROTO_VARARGS' | 'D_DECL_PROTO_TYPE'
  | 'D_DECL_PROTO_VOID' | 'D_DECL_PROTO_NAME' | 'D_DECL_PROTO_FORM' | 'D_COMM_COMM' | 'D_COMM_DREC'
  | 'D_SPEC_SPEC' | 'D_SPEC_COMM' | 'D_SPEC_DREC' | 'D_AGG_COMM' | 'D_AGG_SPEC' | 'D_AGG_NULL'
  | 'D_AGG_SCALAR' | 'D_ACT_SPEC' | 'D_EXIT_SPEC' | 'D_DREC_COMM' | 'D_PRINTA_PROTO' | 'D_PRINTA_AGGARG'
  | 'D_PRINTA_AGGBAD' | 'D_PRINTA_AGGKEY' | 'D_PRINTA_AGGPROTO' | 'D_TRACE_VOID' | 'D_TRACE_DYN' | 'D_PRINT_SIZE'
  | 'D_ALLOCA_SIZE' | 'D_TRACEMEM_ADDR' | 'D_TRACEMEM_SIZE' | 'D_STACK_PROTO' | 'D_STACK_SIZE' | 'D_USTACK_FRAMES'
  | 'D_USTACK_STRSIZE' | 'D_USTACK_PROTO' | 'D_LQUANT_BASETYPE' | 'D_LQUANT_BASEVAL' | 'D_LQUANT_LIMTYPE'
  | 'D_LQUANT_LIMVAL' | 'D_LQUANT_MISMATCH' | 'D_LQUANT_STEPTYPE' | 'D_LQUANT_STEPVAL'
  | 'D_LQUANT_STEPLARGE' | 'D_LQUANT_STEPSMALL' | 'D_QUANT_PROTO' | 'D_PROC_OFF' | 'D_PROC_ALIGN'
  | 'D_PROC_NAME' | 'D_PROC_GRAB' | 'D_PROC_DYN' | 'D_PROC_LIB' | 'D_PROC_FUNC' | 'D_PROC_CREATEFAIL'
  | 'D_PROC_NODEV' | 'D_PROC_BADPID' | 'D_PROC_BADPROV' | 'D_PROC_USDT' | 'D_CLEAR_PROTO' | 'D_CLEAR_AGGARG'
  | 'D_CLEAR_AGGBAD' | 'D_NORMALIZE_PROTO' | 'D_NORMALIZE_SCALAR' | 'D_NORMALIZE_AGGARG'
  | 'D_NORMALIZE_AGGBAD' | 'D_TRUNC_PROTO' | 'D_TRUNC_SCALAR' | 'D_TRUNC_AGGARG' | 'D_TRUNC_AGGBAD'
  | 'D_PROV_BADNAME' | 'D_PROV_INCOMPAT' | 'D_PROV_PRDUP' | 'D_PROV_PRARGLEN' | 'D_PROV_PRXLATOR'
  | 'D_FREOPEN_INVALID' | 'D_LQUANT_MATCHBASE' | 'D_LQUANT_MATCHLIM' | 'D_LQUANT_MATCHSTEP'
  | 'D_LLQUANT_FACTORTYPE' | 'D_LLQUANT_FACTORVAL' | 'D_LLQUANT_LMAGTYPE' | 'D_LLQUANT_LMAGVAL'
  | 'D_LLQUANT_HMAGTYPE' | 'D_LLQUANT_HMAGVAL' | 'D_LLQUANT_STEPTYPE' | 'D_LLQUANT_STEPVAL'
  | 'D_LLQUANT_MATCHFACTOR' | 'D_LLQUANT_MATCHLMAG' | 'D_LLQUANT_MATCHHMAG' | 'D_LLQUANT_MATCHSTEPS'
  | 'D_PRINT_VOID' | 'D_PRINT_DYN' | 'D_PRINT_AGG' | 'D_PRINTM_ADDR' | 'D_PRINTM_SIZE';

/**
 * A D compile diagnostic: the engine's Diagnostic plus what dtrace's message
 * needs. `file` is set only when a `#line` directive or an `#include`d file
 * named one (dtrace's pcb_filetag); `region` is dtrace's yylabel ("action
 * list", "predicate", ...), printed when there is no line.
 */
export interface DDiagnostic extends Diagnostic {
  tag: ErrTag | (string & {});
  file?: string;
  region?: string;
  /** dtrace prints the message alone, without tag or line (errors outside the D compiler, e.g. EDT_CPPERR). */
  plain?: boolean;
  /** A line printed on its own before dtrace's message (the preprocessor's own error). */
  preface?: string;
  /**
   * Found while parsing but reported by dtrace later, when it cooks the
   * program: a backquoted kernel symbol (D_IDENT_UNDEF, when its clause is
   * checked). A checker error in an earlier clause comes first in dtrace.
   */
  deferred?: boolean;
}

/** Builds an error diagnostic. `message` is the text without dtrace's trailing newline. */
export function diag(tag: ErrTag, message: string, program: string, line: number, column = 0, endColumn?: number, file?: string): DDiagnostic {
  const d: DDiagnostic = { severity: 'error', tag, message, program, line, column };
  if (endColumn !== undefined) d.endColumn = endColumn;
  if (file !== undefined) d.file = file;
  return d;
}

/**
 * yyerror's suffix: ` near "TEXT"` for the lexeme (cut at a newline), or
 * ` near end of input` at end of file.
 */
export function syntaxNear(message: string, tokenText: string | null): string {
  if (tokenText === null || tokenText === '') return `${message} near end of input`;
  if (tokenText[0] === '\n') return `${message} near end of line`;
  const nl = tokenText.indexOf('\n');
  return `${message} near "${nl >= 0 ? tokenText.slice(0, nl) : tokenText}"`;
}

/**
 * The text dtrace puts in dt_errmsg (dt_set_errmsg): optional `[TAG] `, then
 * `"file", line N: ` or `line N: ` or `in REGION: `, then the message.
 */
export function errmsg(d: DDiagnostic, kind: 'file' | 'inline', errtags: boolean): string {
  if (d.plain) return d.message;
  let s = errtags && d.tag ? `[${d.tag}] ` : '';
  if (d.file !== undefined) s += `"${d.file}", line ${d.line}: `;
  else if (kind === 'file' && d.line > 0) s += `line ${d.line}: `;
  else if (d.region !== undefined) s += `in ${d.region}: `;
  return s + d.message;
}

/**
 * One line as dtrace(1) prints a compile failure, without the "dtrace: "
 * prefix (the CLI adds the invoked program name) and without the newline:
 *
 *   failed to compile script x.d: line 3: syntax error near "}"
 *   invalid probe specifier BEGIN{x = }: syntax error near "}"
 *
 * `programName` is the -s path or the -n text; `prog` is accepted for callers
 * that hold the ProgramText (its name is used when programName is empty).
 */
export function formatDiagnostic(
  d: DDiagnostic,
  programName: string,
  kind: 'file' | 'inline',
  prog?: { name: string },
  errtags = false,
): string {
  const name = programName || prog?.name || d.program;
  const head = kind === 'file' ? `failed to compile script ${name}` : `invalid probe specifier ${name}`;
  return `${head}: ${errmsg(d, kind, errtags)}`;
}
