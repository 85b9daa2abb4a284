/**
 * The -C preprocessor (see cpp/preprocess.ts for its passes and invariants).
 */
export { preprocess, Preprocessor, PREDEFINED, type CppOptions, type CppResult } from './cpp/preprocess.ts';
export { BUILTIN_HEADERS, NET_TYPES_D, NET_TYPE_NAMES } from './headers/index.ts';
