/**
 * D's built-in identifiers (illumos dt_open.c _dtrace_globals): variables
 * with their types, and functions (subroutines, actions, aggregating
 * functions) with their prototype strings in dt_open.c's notation:
 * "ret(arg, arg, [optional], ...)" where "@" is any type and "..." varargs.
 */

export type BuiltinVarName =
  | 'arg0' | 'arg1' | 'arg2' | 'arg3' | 'arg4' | 'arg5' | 'arg6' | 'arg7' | 'arg8' | 'arg9'
  | 'args' | 'caller' | 'ucaller' | 'cpu' | 'epid' | 'errno' | 'execname' | 'gid' | 'uid' | 'id' | 'ipl'
  | 'pid' | 'ppid' | 'tid' | 'probefunc' | 'probemod' | 'probename' | 'probeprov' | 'stackdepth'
  | 'ustackdepth' | 'timestamp' | 'vtimestamp' | 'walltimestamp' | 'zonename' | 'curthread' | 'uregs'
  | 'curpsinfo' | 'curlwpsinfo' | 'curcpu';

export const BUILTIN_VARS: ReadonlyMap<string, string> = new Map<string, string>([
  ['arg0', 'int64_t'], ['arg1', 'int64_t'], ['arg2', 'int64_t'], ['arg3', 'int64_t'], ['arg4', 'int64_t'],
  ['arg5', 'int64_t'], ['arg6', 'int64_t'], ['arg7', 'int64_t'], ['arg8', 'int64_t'], ['arg9', 'int64_t'],
  ['caller', 'uintptr_t'], ['ucaller', 'uint64_t'], ['cpu', 'processorid_t'], ['epid', 'uint_t'],
  ['errno', 'int'], ['execname', 'string'], ['gid', 'gid_t'], ['uid', 'uid_t'], ['id', 'uint_t'],
  ['ipl', 'uint_t'], ['pid', 'pid_t'], ['ppid', 'pid_t'], ['tid', 'id_t'], ['probefunc', 'string'],
  ['probemod', 'string'], ['probename', 'string'], ['probeprov', 'string'], ['stackdepth', 'uint32_t'],
  ['ustackdepth', 'uint32_t'], ['timestamp', 'uint64_t'], ['vtimestamp', 'uint64_t'],
  ['walltimestamp', 'int64_t'], ['zonename', 'string'],
]);

/** Kernel-only variables: they need kernel state a capture does not have. */
export const KERNEL_VARS = new Set(['curthread', 'curpsinfo', 'curlwpsinfo', 'curcpu', 'uregs']);

export type FuncKind = 'subr' | 'action' | 'aggfunc' | 'destructive';

export interface FuncDef { name: string; kind: FuncKind; proto: string }

const F = (name: string, kind: FuncKind, proto: string): FuncDef => ({ name, kind, proto });

export const BUILTIN_FUNCS: ReadonlyMap<string, FuncDef> = new Map([
  // aggregating functions
  F('avg', 'aggfunc', 'void(@)'), F('count', 'aggfunc', 'void()'), F('lquantize', 'aggfunc', 'void(@, int32_t, int32_t, ...)'),
  F('llquantize', 'aggfunc', 'void(@, int32_t, int32_t, int32_t, int32_t, ...)'), F('max', 'aggfunc', 'void(@)'),
  F('min', 'aggfunc', 'void(@)'), F('quantize', 'aggfunc', 'void(@, ...)'), F('stddev', 'aggfunc', 'void(@)'),
  F('sum', 'aggfunc', 'void(@)'),
  // actions
  F('clear', 'action', 'void(@)'), F('commit', 'action', 'void(int)'), F('denormalize', 'action', 'void(@)'),
  F('discard', 'action', 'void(int)'), F('exit', 'action', 'void(int)'), F('ftruncate', 'action', 'void()'),
  F('jstack', 'action', 'stack(...)'), F('normalize', 'action', 'void(@, uint64_t)'), F('printa', 'action', 'void(@, ...)'),
  F('printf', 'action', 'void(@, ...)'), F('print', 'action', 'void(@)'), F('printm', 'action', 'void(size_t, uintptr_t *)'),
  F('setopt', 'action', 'void(const char *, [const char *])'), F('speculate', 'action', 'void(int)'),
  F('stack', 'action', 'stack(...)'), F('trace', 'action', 'void(@)'), F('tracemem', 'action', 'void(@, size_t, [size_t])'),
  F('trunc', 'action', 'void(@, [int64_t])'), F('ustack', 'action', 'stack(...)'),
  F('func', 'action', '_symaddr(uintptr_t)'), F('mod', 'action', '_symaddr(uintptr_t)'), F('sym', 'action', '_symaddr(uintptr_t)'),
  F('ufunc', 'action', '_usymaddr(uintptr_t)'), F('umod', 'action', '_usymaddr(uintptr_t)'),
  F('usym', 'action', '_usymaddr(uintptr_t)'), F('uaddr', 'action', '_usymaddr(uintptr_t)'),
  // destructive actions
  F('breakpoint', 'destructive', 'void()'), F('chill', 'destructive', 'void(int)'), F('copyout', 'destructive', 'void(void *, uintptr_t, size_t)'),
  F('copyoutstr', 'destructive', 'void(char *, uintptr_t, size_t)'), F('panic', 'destructive', 'void()'),
  F('raise', 'destructive', 'void(int)'), F('stop', 'destructive', 'void()'), F('system', 'destructive', 'void(@, ...)'),
  F('freopen', 'destructive', 'void(@, ...)'),
  // subroutines
  F('alloca', 'subr', 'void *(size_t)'), F('basename', 'subr', 'string(const char *)'), F('bcopy', 'subr', 'void(void *, void *, size_t)'),
  F('cleanpath', 'subr', 'string(const char *)'), F('copyin', 'subr', 'void *(uintptr_t, size_t)'),
  F('copyinstr', 'subr', 'string(uintptr_t, [size_t])'), F('copyinto', 'subr', 'void(uintptr_t, size_t, void *)'),
  F('dirname', 'subr', 'string(const char *)'), F('htonl', 'subr', 'uint32_t(uint32_t)'), F('htonll', 'subr', 'uint64_t(uint64_t)'),
  F('htons', 'subr', 'uint16_t(uint16_t)'), F('index', 'subr', 'int(const char *, const char *, [int])'),
  F('inet_ntoa', 'subr', 'string(ipaddr_t *)'), F('inet_ntoa6', 'subr', 'string(in6_addr_t *, [int])'),
  F('link_ntop', 'subr', 'string(int, void *)'),
  F('inet_ntop', 'subr', 'string(int, void *)'), F('lltostr', 'subr', 'string(int64_t, [int])'),
  F('ntohl', 'subr', 'uint32_t(uint32_t)'), F('ntohll', 'subr', 'uint64_t(uint64_t)'), F('ntohs', 'subr', 'uint16_t(uint16_t)'),
  F('progenyof', 'subr', 'int(pid_t)'), F('rand', 'subr', 'int()'), F('rindex', 'subr', 'int(const char *, const char *, [int])'),
  F('speculation', 'subr', 'int()'), F('strchr', 'subr', 'string(const char *, char)'),
  F('strjoin', 'subr', 'string(const char *, const char *)'), F('strlen', 'subr', 'size_t(const char *)'),
  F('strrchr', 'subr', 'string(const char *, char)'), F('strstr', 'subr', 'string(const char *, const char *)'),
  F('strtok', 'subr', 'string(const char *, const char *)'), F('strtoll', 'subr', 'int64_t(const char *, [int])'),
  F('substr', 'subr', 'string(const char *, int, [int])'), F('tolower', 'subr', 'string(const char *)'),
  F('toupper', 'subr', 'string(const char *)'), F('getmajor', 'subr', 'major_t(dev_t)'), F('getminor', 'subr', 'minor_t(dev_t)'),
  F('mutex_owned', 'subr', 'int(void *)'), F('mutex_owner', 'subr', 'void *(void *)'),
  F('mutex_type_adaptive', 'subr', 'int(void *)'), F('mutex_type_spin', 'subr', 'int(void *)'),
  F('rw_iswriter', 'subr', 'int(void *)'), F('rw_read_held', 'subr', 'int(void *)'), F('rw_write_held', 'subr', 'int(void *)'),
  F('msgdsize', 'subr', 'size_t(void *)'), F('msgsize', 'subr', 'size_t(void *)'), F('getf', 'subr', 'void *(int)'),
  F('json', 'subr', 'string(const char *, const char *)'), F('strtoll', 'subr', 'int64_t(const char *, [int])'),
].map((f) => [f.name, f]));

/** Subroutines that need a live kernel or process: refused at run time with dtrace's invalid-address fault. */
export const KERNEL_SUBRS = new Set([
  'copyin', 'copyinstr', 'copyinto', 'mutex_owned', 'mutex_owner', 'mutex_type_adaptive',
  'mutex_type_spin', 'rw_iswriter', 'rw_read_held', 'rw_write_held', 'msgdsize', 'msgsize', 'getf', 'progenyof',
]);

export interface ParsedProto { ret: string; params: string[]; optFrom: number; varargsAt: number }

/** Parse "ret(a, [b], ...)" as dt_idcook_func does. */
export function parseProto(proto: string): ParsedProto {
  const open = proto.indexOf('(');
  const close = proto.lastIndexOf(')');
  const ret = proto.slice(0, open).trim();
  const inner = proto.slice(open + 1, close).trim();
  const params = inner === '' ? [] : inner.split(',').map((s) => s.trim());
  let optFrom = -1;
  let varargsAt = -1;
  params.forEach((p, i) => {
    if (p === '...' && varargsAt < 0) varargsAt = i;
    if (p.startsWith('[') && optFrom < 0) optFrom = i;
  });
  return { ret, params: params.map((p) => (p.startsWith('[') ? p.slice(1, -1) : p)), optFrom, varargsAt };
}
