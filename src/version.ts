/** wiretrace's version (package.json's; a test keeps them equal). Partials record it: --merge refuses another version's. */
export const WIRETRACE_VERSION = '0.1.0';
