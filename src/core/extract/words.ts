/**
 * Word lists for candidate terms: what breaks a phrase (function words, common verbs and adverbs, dates), titles
 * that precede a person's name, and the head words that hint at a category. Small on purpose: this ships in an
 * extension page; a measured comparison with an NLP library (compromise) is in tools/glossary/extract-eval.ts.
 */

/** Words that never belong inside a candidate phrase (compared lowercased). RAKE-style phrase delimiters. */
export const STOP = new Set(
  (
    'a about above according across after afterwards again against all almost alone along already also although always am among an and another any anyone anything are around as at ' +
    'be became because become becomes been before being below beside besides between beyond both but by can cannot could did do does doing done down during each either else elsewhere enough ' +
    'even ever every everyone everything except few for formerly from further furthermore had has have having he her here hers herself him himself his how however i if in including ' +
    'indeed into is it its itself just last later least less like likely made make makes many may me meanwhile might mine more moreover most mostly much must my myself namely neither never ' +
    'nevertheless nonetheless next no nobody none nor not nothing now of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps please put rather ' +
    're same say says said see seem seemed seems seeming several she should since so some someone something sometimes somewhere still such than that the their theirs them themselves then ' +
    'there thereafter thereby therefore these they this those though through throughout thus to together too toward towards under until up upon us very via was we well were what whatever ' +
    'when whenever where whereas whether which while who whoever whole whom whose why will with within without would yet you your yours yourself yourselves ' +
    'ago everywhere nowhere anywhere amid among around despite notwithstanding regarding concerning unlike versus vs via whereby amongst ' +
    'able new recent recently now today yesterday tomorrow year years month months week weeks day days time times way ways part lot lots kind thing things ' +
    'told tell tells asked stated added noted called according appears appear appeared took take taken get got give given go going went come came become ' +
    'also already almost immediately especially particularly currently publicly recently reportedly further' +
    ' january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec' +
    ' following amid toward against rather whose either inside outside beyond behind ' +
    ' monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr one two three four five six seven eight nine ten first second third hundreds thousands millions' +
    // Number words break a run: "$3.9 billion disaster aid program" hid the gold "disaster aid program" (DUC-2001 dev).
    ' million billion trillion'
  ).split(/\s+/),
);

/** Words in -ed that are no participles (a lone participle is dropped by candidates.ts `keep`; one inside a run stays). */
export const ED_ADJECTIVES = new Set('hundred kindred sacred naked wicked wretched rugged ragged crooked beloved learned aged blessed cursed jagged dogged'.split(' '));

/** Titles and roles that may precede a person's name ("Prime Minister Imran Khan", "TTP chief Noor Wali Mehsud"). */
export const TITLES = new Set(
  'prime minister president chief leader maulvi mufti mullah mawlana maulana sheikh shaikh general gen lt colonel col major maj captain capt commander mr mrs ms dr professor prof sir lord king queen prince senator sen governor gov ambassador judge justice vice imam emir amir spokesman spokesperson foreign interior defence defense finance army secretary deputy former late'.split(
    ' ',
  ),
);

/** Head words of organizations. */
export const ORG_WORDS = new Set(
  'institute institution party government regime army forces force league network organization organisation agency council ministry movement front union bank fund committee department authority commission court group corporation company university association federation police corps brigade office service services qaeda qaida taliban tehreek tehrik jamaat jamiat lashkar jaish emirate nations parliament assembly senate cabinet coalition alliance military isi ispr'.split(
    ' ',
  ),
);

/** Head words of events. */
export const EVENT_WORDS = new Set(
  'takeover ceasefire cease-fire truce war wars attack attacks talks negotiations exit withdrawal election elections invasion offensive operation agreement deal accord clashes clash summit strike strikes bombing protest protests fall coup crackdown insurgency conflict raid raids massacre assassination visit meeting'.split(
    ' ',
  ),
);

/** Head words of people without a name. */
export const PERSON_WORDS = new Set('spokesman spokesperson minister president chief leader commander official ambassador envoy general founder emir'.split(' '));

/** Common demonyms (the text's own are found from its places: "Pakistan" → "Pakistani"). */
export const DEMONYMS = new Set(
  'american british chinese indian iranian russian european arab saudi israeli palestinian turkish qatari emirati german french japanese afghan pakistani uzbek tajik'.split(' '),
);

/** Prepositions after which a capitalized single word is likely a place. */
export const PLACE_PREPOSITIONS = new Set(['in', 'from', 'to', 'into', 'across', 'at', 'near', 'inside', 'outside', 'within', 'throughout']);

/** Lowercase words too generic to be a term on their own (they may still head a phrase: "Pakistani government"). */
export const GENERIC = new Set(
  'group groups people government country countries officials official number issue issues side sides area areas region position stage status future idea table request reality set terms limits goals needs interest interests depth contrary part leaders leadership fighters presence bases threat challenge support security violence power talks accounts logic arms account freedom movement campaign head problem failure goals reliance ministers relationship assistance strategy leader cooperation'.split(
    ' ',
  ),
);

/**
 * Common verbs of news prose (base forms; -s, -es, -ed, -d, -ing forms derived): a run of words breaks at them, so
 * "the insurgency escalated" gives "insurgency", not "insurgency escalated". Without a tagger this is the cheap
 * half of noun-phrase chunking; the measured alternative (compromise's tagger) is in tools/glossary/extract-eval.ts.
 */
const VERB_BASES = (
  'accept accuse add adhere affect agree allow analyze announce appear approach arrest ask become begin believe bring build call carry cause ' +
  'close come condemn confirm consider continue contribute create decide declare deny describe destroy direct downplay emphasize energize escalate expect ' +
  'fail fight find follow gain give grow happen imply impose include intend keep kill know lay launch leave look lose make ' +
  'meet mount note observe open operate provide publish pull push raise reach receive reduce refuse reiterate reject remain ' +
  'retain say see seek seem seize sell send serve show sign speak stop suggest take tell threaten try urge want write'
).split(' ');

/** Verbs that are also nouns ("attacks", "talks", "forces"): only their -ed forms break a run. */
export const NOUN_VERBS = 'affect aim attack blame block change claim cut end face fall force help hold increase lead limit move need offer order plan play release report request return rise rule run set start state stay strike support talk turn use vow warn win work'.split(' ');

function inflect(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const s = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const ed = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  return [base, s, ed, `${stem}ing`];
}

export const VERBS = new Set([
  ...VERB_BASES.flatMap(inflect),
  ...NOUN_VERBS.map((b) => inflect(b)[2]!),
  ...NOUN_VERBS.map((b) => inflect(b)[3]!),
  ...'is are was were be been being has have had do does did said says made took taken gave given went gone came began become became grew grown fell fallen found held kept knew known led left lost met paid put ran rose risen saw seen sent set shown spoke spoken stood struck told thought won wrote written seems looks remains appears rises'.split(' '),
]);
