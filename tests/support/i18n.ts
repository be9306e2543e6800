// The English `t` for node tests: built from the same extension/_locales/en/messages.json the browser reads.
import messages from '../../extension/_locales/en/messages.json';
import { translateFrom } from '../../src/core/i18n.js';

export const englishT = translateFrom(messages);
export { messages as englishMessages };
