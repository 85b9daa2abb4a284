/**
 * Identifier tables of one compile (dt_idhash's globals, TLS, locals and
 * aggregations). A variable's type is fixed by its declaration or its first
 * assignment; until then it is "unreferenced" and reading it is dtrace's
 * D_VAR_UNDEF / D_IDENT_UNDEF error. Associative arrays get their key
 * signature at first use and are checked against it afterwards.
 */
import type { DType } from '../types/types.ts';
import type { Expr } from '../ast.ts';

export type VarScope = 'global' | 'tls' | 'local';

export interface VarSym {
  name: string;
  scope: VarScope;
  kind: 'scalar' | 'array';
  /** Storage slot: index into globals/locals, or into the tls/assoc map tables. */
  id: number;
  /** Undefined until declared or first assigned. */
  type: DType | undefined;
  keyTypes: DType[] | undefined;
  declared: boolean;
  /** Static memory for struct/array-typed variables (address), else 0. */
  addr: number;
}

export interface AggSym {
  name: string;
  id: number;
  func: string | undefined;
  keyTypes: DType[] | undefined;
  line: number;
}

export interface ConstSym { kind: 'const'; name: string; type: DType; value: number | bigint | string }
export interface InlineSym { kind: 'inline'; name: string; type: DType; expr: Expr; params: { name: string; type: DType }[] | null }
export interface InlineArraySym { kind: 'inlinearray'; name: string; keyType: DType; type: DType; fn: (k: number) => string }

export class Symbols {
  readonly globals = new Map<string, VarSym>();
  readonly tls = new Map<string, VarSym>();
  readonly locals = new Map<string, VarSym>();
  readonly aggs = new Map<string, AggSym>();
  readonly consts = new Map<string, ConstSym | InlineSym | InlineArraySym>();
  nGlobals = 0;
  nAssoc = 0;
  nLocals = 0;
  nTls = 0;

  table(scope: VarScope): Map<string, VarSym> {
    return scope === 'global' ? this.globals : scope === 'tls' ? this.tls : this.locals;
  }

  create(scope: VarScope, name: string, kind: 'scalar' | 'array'): VarSym {
    let id: number;
    if (kind === 'array' || scope === 'tls') id = scope === 'tls' && kind === 'scalar' ? this.nTls++ : this.nAssoc++;
    else if (scope === 'global') id = this.nGlobals++;
    else id = this.nLocals++;
    const v: VarSym = { name, scope, kind, id, type: undefined, keyTypes: undefined, declared: false, addr: 0 };
    this.table(scope).set(name, v);
    return v;
  }

  /** self->x used with [] before anything else: morph to an array (dt_ident_morph). */
  morphToArray(v: VarSym): void {
    if (v.kind === 'array') return;
    v.kind = 'array';
    v.id = this.nAssoc++;
  }
}
