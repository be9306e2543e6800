/**
 * Extraction of a glossary's raw material from any report text: paragraphs and sentences (text.ts, using the
 * compiler's splitter), acronym–definition pairs (acronyms.ts; Schwartz–Hearst baseline in schwartz-hearst.ts) and
 * candidate terms ranked by salience (candidates.ts). Pure: no DOM, browser or node APIs, so the same code runs in
 * the CLI (tools/glossary/extract.ts), in tests and, later, in an extension worker.
 */
;
export {  extractCandidates as extract,    type Extraction,  } from './candidates';
;
