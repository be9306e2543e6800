/**
 * Parties of an event mention (issue 11, deliverable 1): "ceasefire" is the TTP cease-fire only where the TTP is a
 * party, not merely named nearby. A page about the October 2025 Pakistan–Afghanistan ceasefire names the TTP in
 * every paragraph (as the group Kabul is accused of sheltering), so a window rule alone marks the state-to-state
 * ceasefire with the TTP card (eval:news dev: gpo-2025-doha, kursiv-2025-doha, itv-2025-who).
 *
 * The party phrase is read from the mention's own sentence, three ways (their spans are unioned):
 * - after it: "ceasefire between A and B", "truce with A", "ceasefire announced by A" (up to the clause's end);
 * - before it, the subject of an agreement verb: "A and B agreed to / reached / signed / extended … a ceasefire";
 * - right before it, the names that qualify it: "the Pakistan-Afghanistan ceasefire".
 * A phrase counts only when it names someone (a glossary hit, a capitalized name, or a reference such as "the
 * militants"); "they agreed", "even after signing" name no one and leave the decision to the window rule.
 * Pure: no DOM.
 */

/** Span of the text that names the mention's parties, or [] when its sentence has no party phrase. */
export function partySpans(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): [number, number][] {
  const spans: [number, number][] = [];
  const after = text.slice(end, sentenceEnd);
  const lead = AFTER_LEAD.exec(after);
  if (lead) {
    const from = end + lead[0].length;
    const rest = text.slice(from, sentenceEnd);
    const stop = CLAUSE_STOP.exec(rest);
    spans.push([from, from + (stop ? stop.index : rest.length)]);
  }
  const before = text.slice(sentenceStart, start);
  let verb: RegExpExecArray | null = null;
  AGREE_VERB.lastIndex = 0;
  for (let m = AGREE_VERB.exec(before); m; m = AGREE_VERB.exec(before)) verb = m;
  if (verb) {
    // The subject: from the sentence start (or its last ';'/':') to the verb.
    const head = before.slice(0, verb.index);
    const cut = Math.max(head.lastIndexOf(';'), head.lastIndexOf(':'));
    spans.push([sentenceStart + cut + 1, sentenceStart + verb.index]);
  }
  const qual = QUALIFIER.exec(before);
  if (qual && qual[0].trim()) spans.push([sentenceStart + qual.index, start]);
  return spans.filter(([a, b]) => namesSomeone(text.slice(a, b)));
}

/** A party phrase names someone: a capitalized word that is no sentence-opening function word, or a reference. */
function namesSomeone(phrase: string): boolean {
  if (REFERENCE.test(phrase) || SIDES.test(phrase) || STATES.test(phrase)) return true;
  for (const m of phrase.matchAll(CAPITALIZED)) if (!FUNCTION_WORDS.has(m[0].toLowerCase())) return true;
  return false;
}

/** "the militants", "the group", "the banned outfit": a pronoun-free reference to a group named just before. */
export function isGroupReference(phrase: string): boolean {
  return REFERENCE.test(phrase);
}

/**
 * "the parties", "both sides": the sides named before, whoever they were (eval:news wave 9, retired v1
 * caliber-2025-doha: "The parties also decided … to ensure the sustainability of the ceasefire" in a Doha story).
 */
export function isSidesReference(phrase: string): boolean {
  return SIDES.test(phrase) && !REFERENCE.test(phrase) && !STATES.test(phrase);
}

/** "the two countries", "both neighbours": states, never an armed group. */
export function isStatesReference(phrase: string): boolean {
  return STATES.test(phrase);
}

/**
 * Fighting between states along their border in the mention's sentence ("fierce exchanges across the border before a
 * fragile ceasefire took hold": retired v1 koala-2025-strike): a ceasefire there is between the states. An exchange
 * of artillery is between armies, so states too ("fighting has reignited with heavy artillery exchanges … and no
 * immediate ceasefire in sight": eval:news wave 10, dev sambatimes-2025-timeline); an army shelling an armed group's
 * hideouts is no exchange.
 */
export function namesBorderFighting(sentence: string): boolean {
  return BORDER_FIGHTING.test(sentence);
}

const AFTER_LEAD =
  /^\s*(?:(?:agreement|deal|accord|pact|talks|arrangement|understanding|negotiations)\s+)?(?:between|with|(?:announced|declared|offered|called)\s+by)\s+/iu;
// A party list ends at clause punctuation or a preposition/relative that starts a new phrase ("... in Kabul").
const CLAUSE_STOP =
  /[,;:.!?()[\]—–]|\s(?:on|in|at|since|till|until|for|after|before|which|that|who|to|over|amid|as|from|during|under|following|brokered|mediated|facilitated)\s/iu;
const AGREE_VERB =
  /\b(?:agree[sd]?|reach(?:ed|es)?|sign(?:ed|s)?|announce[sd]?|declare[sd]?|extend(?:ed|s)?|decided?|accept(?:ed|s)?|observe[sd]?|broke|violated?|struck)\b/giu;
// Capitalized words (or X-Y pairs) directly before the mention, with an optional possessive: "India-Pakistan ".
const QUALIFIER = /(?:\b\p{Lu}[\p{L}\p{N}'’.]*(?:\s*[-–]\s*|\s+))+$/u;
const CAPITALIZED = /\b\p{Lu}[\p{L}'’]*/gu;
const REFERENCE = /\b(?:militants|insurgents|militant\s+(?:group|outfit|organi[sz]ation)|the\s+(?:group|outfit|banned\s+outfit|banned\s+group))\b/iu;
const SIDES = /\b(?:the\s+(?:two\s+)?(?:parties|sides)|both\s+(?:parties|sides))\b/iu;
const STATES = /\b(?:the\s+two|both)\s+(?:countries|nations|neighbou?rs|neighbou?ring\s+countries|states|governments)\b/iu;
const BORDER_FIGHTING =
  /\b(?:exchanges?|clashes|fighting|skirmishes|shelling|firing|hostilities)\b[^.;]{0,40}\b(?:across\s+the\s+border|along\s+the\s+(?:border|frontier)|on\s+the\s+border)\b|\bborder\s+(?:clashes|skirmishes|fighting|hostilities)\b|\bartillery\s+(?:exchanges?|duels?)\b|\bexchanges?\s+of\s+artillery\b/iu;
const FUNCTION_WORDS = new Set(
  'the a an in on at after before even but and or they it he she we both this that these those since when while as earlier later last meanwhile however then so yet its their his her our on monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);
