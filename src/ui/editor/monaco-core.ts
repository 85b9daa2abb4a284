/**
 * Monaco's editor core alone: the first of the stages in which the editor
 * loads (Editor.tsx), so evaluating Monaco's modules is not one long task on
 * the page's thread.
 */
export * as monaco from 'monaco-editor/editor/editor.api.js';
