/**
 * Function calls used as values: prototype checks (dt_idcook_sign) and the
 * subroutines (strlen, substr, inet_ntop, speculation …), each compiled to a
 * closure over the string library (subrlib.ts). Actions used inside an
 * expression are typed here; as statements they belong to actions.ts.
 *
 * Its exports are the compiler's internals: for this folder only.
 */
import type * as A from '../ast.ts';
import * as I from '../runtime/int64.ts';
import { fault, FLT_BADADDR, FLT_ILLOP, scratchSize } from '../runtime/state.ts';
import { fail } from '../check/errors.ts';
import { BUILTIN_FUNCS, parseProto } from '../check/builtins.ts';
import { STACK_TYPE, SYMADDR_TYPE, USYMADDR_TYPE } from '../check/typedesc.ts';
import {
  T_CHAR, T_INT, T_LONG, T_STRING, T_UINT, T_ULONG, T_VOID, intInfo, isInteger, isPointer, isString, pointerTo,
  type DType,
} from '../types/types.ts';
import type { IntEv, StrEv } from './values.ts';
import { subrLib } from './subrlib.ts';
import { linkAddrLen, linkNtop } from '../runtime/subr-net.ts';
import type { Compiler } from './compiler.ts';
import { type X, TYPE_INT64, TYPE_UINT64, TYPE_SIZE, argCompat } from './cooked.ts';
import { asInt, derefStringEv } from './operators.ts';

export function call(cc: Compiler, e: A.Call): X {
  if (e.callee.kind !== 'Ident') fail('D_FUNC_IDENT', 'function designator is not of function type', e.loc);
  const name = e.callee.name;
  const f = BUILTIN_FUNCS.get(name);
  if (!f) {
    if (cc.syms.globals.has(name) || cc.syms.consts.has(name)) fail('D_FUNC_IDKIND', `${name} is not a function`, e.loc);
    return fail('D_FUNC_UNDEF', `undefined function name: ${name}`, e.loc);
  }
  if (f.kind === 'aggfunc') return { t: T_VOID, ev: () => 0, agg: true };
  if (f.kind === 'action' || f.kind === 'destructive') {
    if (name === 'stack' || name === 'ustack' || name === 'jstack') {
      checkArgs(cc, name, f.proto, e.args.map((a) => cc.expr(a)), e.loc);
      const ctx = cc.env.rt.ctx;
      cc.env.rt.usesStack = true;
      return { t: STACK_TYPE, ev: () => ctx.stackLines };
    }
    if (name === 'func' || name === 'mod' || name === 'sym' || name === 'ufunc' || name === 'umod' || name === 'usym' || name === 'uaddr') {
      const x = checkArgs(cc, name, f.proto, e.args.map((a) => cc.expr(a)), e.loc);
      return { t: name.startsWith('u') ? USYMADDR_TYPE : SYMADDR_TYPE, ev: x[0]!.ev };
    }
    // An action used inside an expression: a void value the enclosing operator rejects (D_OP_ACT, D_OP_ARITH …).
    // Its arguments are cooked against its prototype first (dt_idcook_func), so D_PROTO_LEN comes before D_OP_ACT.
    checkArgs(cc, name, f.proto, e.args.map((a) => cc.expr(a)), e.loc);
    return { t: T_VOID, ev: () => 0, act: true };
  }
  const args = e.args.map((a) => cc.expr(a));
  checkArgs(cc, name, f.proto, args, e.loc);
  return subr(cc, name, args, e);
}

/** dt_idcook_sign: argument count and types against the prototype. */
export function checkArgs(cc: Compiler, name: string, proto: string, args: X[], loc: A.Span, prefix = '', suffix = '( )'): X[] {
  const p = parseProto(proto);
  const argc = args.length;
  let mismatch: boolean, arglimit: number;
  if (p.varargsAt >= 0) { mismatch = argc < p.varargsAt; arglimit = p.varargsAt; }
  else if (p.optFrom >= 0) { mismatch = argc < p.optFrom || argc > p.params.length; arglimit = argc; }
  else { mismatch = argc !== p.params.length; arglimit = p.params.length; }
  if (mismatch) {
    // Too many arguments to a function with optional ones: "at most" (dtrace-utils substr_too_many_args.r).
    const bound = p.optFrom < 0 ? `${arglimit}` : argc > p.params.length ? `at most ${p.params.length}` : `at least ${p.optFrom}`;
    fail('D_PROTO_LEN', `${prefix}${name}${suffix} prototype mismatch: ${argc} arg${argc === 1 ? ' ' : 's '}passed, ${bound} expected`, loc);
  }
  for (let i = 0; i < arglimit; i++) {
    const want = p.params[i]!;
    if (want === '@' || want === '...') continue;
    const wt = protoType(cc, want);
    const a = args[i]!;
    if (!a.agg && isInteger(a.t) && a.cv == 0 && (isPointer(wt) || isString(wt))) continue; // NULL
    if (a.agg || !argCompat(wt, a.t)) {
      fail('D_PROTO_ARG', `${prefix}${name}${suffix} argument #${i + 1} is incompatible with prototype:\n\tprototype: ${wt.name}\n\t argument: ${a.agg ? 'void' : a.t.name}`, loc);
    }
  }
  return args;
}

function protoType(cc: Compiler, s: string): DType {
  const t = s.replace(/^const /, '');
  // The qualifier does not show in messages: the published .r files print "prototype: char *"
  // for strtok( ) and substr( ) (dtrace-utils funcs/strtok, funcs/substr err.D_PROTO_ARG.*).
  return cc.types.parse(t);
}

export function subr(cc: Compiler, name: string, args: X[], e: A.Call): X {
  const rt = cc.env.rt;
  const s = (i: number): StrEv => derefStringEv(cc, args[i]!);
  const n = (i: number): IntEv => asInt(args[i]!, T_LONG);
  const strsize = cc.strsize;
  const lib = subrLib;
  switch (name) {
    case 'strlen': { const a = s(0); return { t: TYPE_SIZE, ev: (c) => { const x = a(c); return x.length < strsize ? x.length : strsize; } }; }
    case 'strjoin': { const a = s(0), b = s(1); return { t: T_STRING, ev: (c) => lib.strjoin(a(c), b(c), strsize) }; }
    case 'substr': {
      const a = s(0), i = n(1), l = args.length > 2 ? n(2) : null;
      return { t: T_STRING, ev: (c) => lib.substr(a(c), i(c), l ? l(c) : undefined, strsize) };
    }
    case 'index': case 'rindex': {
      const a = s(0), b = s(1), st = args.length > 2 ? n(2) : null;
      const f = name === 'index' ? lib.index : lib.rindex;
      return { t: T_INT, ev: (c) => f(a(c), b(c), st ? st(c) : undefined, strsize) };
    }
    case 'strchr': case 'strrchr': {
      const a = s(0), ch = asInt(args[1]!, T_CHAR);
      const f = name === 'strchr' ? lib.strchr : lib.strrchr;
      return { t: T_STRING, ev: (c) => f(a(c), ch(c), strsize) };
    }
    case 'strstr': { const a = s(0), b = s(1); return { t: T_STRING, ev: (c) => lib.strstr(a(c), b(c), strsize) }; }
    case 'strtok': {
      const a = s(0), b = s(1);
      const aNull = isInteger(args[0]!.t) && args[0]!.cv == 0;
      const bNull = isInteger(args[1]!.t) && args[1]!.cv == 0;
      const st = rt.strtokState;
      // A NULL delimiter string, or strtok(NULL, ...) with no saved position (none yet in this firing,
      // or the last token taken), reads address 0: invalid address (dtrace-utils tst.strtok_null*.d).
      if (bNull) return { t: T_STRING, ev: () => fault(FLT_BADADDR, 0) };
      if (aNull) return { t: T_STRING, ev: (c) => (st.rest === null ? fault(FLT_BADADDR, 0) : lib.strtok(st, null, b(c), strsize)) };
      return { t: T_STRING, ev: (c) => lib.strtok(st, a(c), b(c), strsize) };
    }
    case 'lltostr': {
      const v = asInt(args[0]!, T_LONG), base = args.length > 1 ? n(1) : null;
      return { t: T_STRING, ev: (c) => lib.lltostr(v(c), base ? base(c) : undefined, strsize) };
    }
    case 'strtoll': {
      const a = s(0), base = args.length > 1 ? n(1) : null;
      return { t: TYPE_INT64, ev: (c) => lib.strtoll(a(c), base ? base(c) : undefined, strsize) };
    }
    case 'toupper': { const a = s(0); return { t: T_STRING, ev: (c) => lib.toupper(a(c), strsize) }; }
    case 'tolower': { const a = s(0); return { t: T_STRING, ev: (c) => lib.tolower(a(c), strsize) }; }
    case 'basename': { const a = s(0); return { t: T_STRING, ev: (c) => lib.basename(a(c), strsize) }; }
    case 'dirname': { const a = s(0); return { t: T_STRING, ev: (c) => lib.dirname(a(c), strsize) }; }
    case 'cleanpath': { const a = s(0); return { t: T_STRING, ev: (c) => lib.cleanpath(a(c), strsize) }; }
    case 'htons': case 'ntohs': { const a = asInt(args[0]!, intInfo(cc.types.parse('uint16_t'))); return { t: cc.types.parse('uint16_t'), ev: (c) => { const v = a(c) as number; return ((v & 0xff) << 8) | (v >> 8); } }; }
    case 'htonl': case 'ntohl': {
      const a = asInt(args[0]!, T_UINT);
      return { t: cc.types.parse('uint32_t'), ev: (c) => { const v = a(c) as number; return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0; } };
    }
    case 'htonll': case 'ntohll': {
      const a = asInt(args[0]!, T_ULONG);
      return { t: TYPE_UINT64, ev: (c) => { const v = BigInt(a(c)); let r = 0n; for (let i = 0n; i < 8n; i++) r = (r << 8n) | ((v >> (i * 8n)) & 0xffn); return I.canon(r); } };
    }
    case 'inet_ntoa': {
      const a = args[0]!.ev as IntEv;
      return { t: T_STRING, ev: (c) => { const p = a(c); if (p === 0) fault(FLT_BADADDR, 0); const b = rt.loadBytes(p, 4); return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`; } };
    }
    case 'inet_ntoa6': {
      // Linux DTrace's optional "strict" flag (dt_cg_subr_inet_ntoa6) must be known when compiling.
      const flag = args[1];
      if (flag !== undefined && (flag.cv === undefined || typeof flag.cv === 'string')) {
        fail('D_PROTO_ARG', 'inet_ntoa6( ) argument #2 must be an integer constant', e.args[1]!.loc);
      }
      const strict = flag !== undefined && !I.isZero(flag.cv as I.DInt);
      const a = args[0]!.ev as IntEv;
      return { t: T_STRING, ev: (c) => { const p = a(c); if (p === 0) fault(FLT_BADADDR, 0); return lib.ntop6(rt.loadBytes(p, 16), strict); } };
    }
    case 'link_ntop': {
      // Ethernet or InfiniBand; any other type is an illegal operation (dt_cg_subr_link_ntop).
      const ty = asInt(args[0]!, T_INT), a = args[1]!.ev as IntEv;
      return {
        t: T_STRING, ev: (c) => {
          const t = ty(c);
          const len = linkAddrLen(t);
          if (len === undefined) return fault(FLT_ILLOP, 0);
          const p = a(c);
          if (p === 0) fault(FLT_BADADDR, 0);
          return linkNtop(rt.loadBytes(p, len), strsize);
        },
      };
    }
    case 'inet_ntop': {
      const af = asInt(args[0]!, T_INT), a = args[1]!.ev as IntEv;
      return {
        t: T_STRING, ev: (c) => {
          const f = af(c); const p = a(c); if (p === 0) fault(FLT_BADADDR, 0);
          if (f === 2) { const b = rt.loadBytes(p, 4); return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`; }
          if (f === 26 || f === 10) return lib.ntop6(rt.loadBytes(p, 16));
          return fault(FLT_ILLOP, 0);
        },
      };
    }
    case 'getmajor': case 'getminor': {
      // Pure arithmetic on a dev_t, as Linux splits it (dt_cg_subr_getmajor/getminor: 12-bit major
      // above a 20-bit minor in the low 32 bits); illumos' 64-bit dev_t splits at bit 32.
      const d = asInt(args[0]!, T_ULONG);
      const major = name === 'getmajor';
      return { t: cc.types.parse(major ? 'major_t' : 'minor_t'), ev: (c) => { const v = Number(BigInt.asUintN(32, BigInt(d(c)))); return major ? v >>> 20 : v & 0xfffff; } };
    }
    case 'rand': return { t: T_INT, ev: () => rt.rand() };
    case 'speculation': return { t: T_INT, ev: () => speculation(cc) };
    case 'alloca': {
      // A constant size past the scratch space can never succeed: Linux DTrace refuses it when
      // compiling (D_ALLOCA_SIZE); any other size is checked when it runs (out of scratch space).
      const cap = scratchSize(cc.env.opt('scratchsize'));
      const cv = args[0]!.cv;
      if (cv !== undefined && typeof cv !== 'string' && I.toUnsigned(cv, 8) > BigInt(cap)) {
        fail('D_ALLOCA_SIZE', `alloca(${I.toUnsigned(cv, 8)}) size larger than scratchsize ${cap}`, e.loc);
      }
      const sz = asInt(args[0]!, T_ULONG);
      return { t: pointerTo(T_VOID), ev: (c) => rt.allocScratch(sz(c)) };
    }
    case 'bcopy': {
      const dst = args[1]!.ev as IntEv, sz = asInt(args[2]!, T_ULONG);
      if (isString(args[0]!.t)) {
        // A string value is not in addressable memory here: copy its bytes (char[strsize], NUL-padded).
        const str = args[0]!.ev as StrEv;
        return { t: T_VOID, ev: (c) => { rt.storeBytes(dst(c), rt.stringBytes(str(c), Number(sz(c)))); return 0; } };
      }
      const src = args[0]!.ev as IntEv;
      return { t: T_VOID, ev: (c) => { rt.storeBytes(dst(c), rt.loadBytes(src(c), Number(sz(c))).slice()); return 0; } };
    }
    default: {
      const f = BUILTIN_FUNCS.get(name)!;
      const rtT = parseProto(f.proto).ret;
      const t = rtT === 'void' ? T_VOID : cc.types.parse(rtT);
      void e;
      return { t, ev: () => fault(FLT_BADADDR, 0) };
    }
  }
}

function speculation(cc: Compiler): number {
  const rt = cc.env.rt;
  for (let i = 0; i < rt.specs.length; i++) {
    const s = rt.specs[i]!;
    if (!s.active && s.pending === null) { s.active = true; s.chunks.length = 0; s.bytes = 0; return i + 1; }
  }
  rt.specUnavail++;
  return 0;
}
