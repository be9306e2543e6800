import { describe, expect, it } from 'vitest';
import { GLOSSARY_REVISION_KEY } from '../shared/glossary-ping.js';
import { noticeOf, tellFrames } from './frame-notices.js';
import { KEYS } from '../core/settings/storage-keys.js';

describe('noticeOf', () => {
  it('says which of settings/own entries and glossaries changed, null for other keys', () => {
    expect(noticeOf({ [KEYS.settings]: {} }, 'sync')).toEqual({ settings: true, glossary: false });
    expect(noticeOf({ [KEYS.userGlossary]: {} }, 'local')).toEqual({ settings: true, glossary: false });
    expect(noticeOf({ [KEYS.userGlossary]: {}, [GLOSSARY_REVISION_KEY]: {} }, 'local')).toEqual({ settings: true, glossary: true });
    expect(noticeOf({ [KEYS.corruptSettings]: {} }, 'local')).toBeNull();
    expect(noticeOf({ [GLOSSARY_REVISION_KEY]: {} }, 'local')).toEqual({ settings: false, glossary: true });
    expect(noticeOf({ somethingElse: {} }, 'local')).toBeNull();
    expect(noticeOf({ tabTerms: {} }, 'session')).toBeNull();
  });
});

describe('tellFrames', () => {
  it('sends to every tab; a tab without our content script (a rejection) does not stop the others', async () => {
    const sent: number[] = [];
    await tellFrames(
      { settings: true, glossary: false },
      async () => [1, 2, 3],
      async (id) => {
        sent.push(id);
        if (id === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    );
    expect(sent).toEqual([1, 2, 3]);
  });
});
