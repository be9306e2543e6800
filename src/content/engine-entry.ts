/**
 * engine.js's entry (build.mjs): the content engine (content-engine.ts) and the `getSnapshot` reply's validator. The
 * bootstrap (index.ts) asks for the whole settings snapshot only when it loads the engine, and validates it with
 * this module's validator, so the settings validators stay out of content.js, which every frame evaluates (issue 13).
 */
export { createContentEngine, type ContentEngine } from './content-engine.js';
export { isSnapshotReply } from '../shared/snapshot-reply.js';
