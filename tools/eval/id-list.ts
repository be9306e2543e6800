/**
 * The id list behind `eval:keyphrases --subset FILE`: one document id per line, `#` starts a comment, blank lines
 * ignored. Pure: no DOM, no node APIs (the tool reads the file).
 *
 * Why a list and not a pattern: a wave's articles are whatever its selection rule kept (SELECTION-LOG.txt), not a
 * range of ids, and the subset figure has to be reproducible from a committed file.
 */

/** The ids listed in `text`, in order, each once. An id that is not in `known` throws: a typo must not silently
 * shrink the subset the printed figure claims to cover. */
export function parseIdList(text: string, known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const id = raw.replace(/#.*/, '').trim();
    if (!id || out.includes(id)) continue;
    if (!known.has(id)) throw new Error(`id list: ${id} is not a document of gold.json`);
    out.push(id);
  }
  if (!out.length) throw new Error('id list: no ids');
  return out;
}
