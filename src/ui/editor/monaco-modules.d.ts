// Monaco's contribution modules are imported only for their side effects (they register editor features) and ship no .d.ts.
declare module 'monaco-editor/editor/contrib/*';
declare module 'monaco-editor/editor/browser/coreCommands.js';
declare module 'monaco-editor/editor/common/standaloneStrings.js';
