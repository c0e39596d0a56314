/**
 * Word-level cues of the four roadmap columns, as they appear in any ARS feuille de route: the vocabulary of
 * funding (instruments, money), of indicators (what is counted), and of explanatory comments. These are
 * properties of the genre, not of one document: no sentence of a particular roadmap is listed here.
 */

/** An amount of money: "400 000€", "137 473 euros", "62,24 M€", "12 millions d’euros", "45 000 Euros". */
export const MONEY = /(?<![\p{L}\d])\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?\s*(?:M€|k€|€|euros?\b|millions?\s+d['’‘]\s*euros|milliards?\s+d['’‘]\s*euros)/giu;

/** A currency word that starts a line when the amount was wrapped ("21 200" / "Euros par an"). */
export const CURRENCY_START = /^(?:€|euros?\b|M€|k€)/iu;

/** Funding instruments and payers named in financement cells. */
export const FUNDING_SOURCES = new Set([
  'FIR', 'PRIAC', 'ONDAM', 'CNR', 'T2A', 'ARS', 'CPOM', 'CPAM', 'AAP', 'AAC', 'ACI', 'CNSA', 'DGOS', 'MIG', 'MIGAC',
  'DAF', 'FEDER', 'SNU', 'FMIS', 'FNPEIS', 'CD', 'DRAJES', 'DREETS',
]);

/** Words that only a financement cell uses (lower-cased, accents kept). */
export const FUNDING_WORDS =
  /(?<![\p{L}])(?:financements?|financ(?:é|ée|és|ées)|financi(?:er|ère|ers|ères)|cofinancements?|subventions?|enveloppes?|crédits?|forfaits?|forfaitaires?|montants?|budgets?|budgétaires?|dotations?|contractualisation|amorçage|investissements?|fonds)(?![\p{L}])/iu;

/** First words of an indicator: what is counted or observed. */
export const INDICATOR_HEADS = [
  'nb', 'nombre', 'taux', 'part', 'pourcentage', 'proportion', 'ratio', 'délai', 'délais', 'file active', 'typologie',
  'suivi', 'bilan', 'évolution', 'augmentation', 'diminution', 'baisse', 'hausse', 'mise en place', 'mise en œuvre',
  'mise en oeuvre', 'ouverture', 'création', 'installation', 'réalisation', 'diffusion', 'identification', 'signature',
  'convention', 'dépôt', 'effectivité', 'complétude', 'montée en charge', 'existence', 'volume', 'couverture',
  'durée', 'niveau', 'indicateur', 'cible', 'résultat', 'résultats', 'satisfaction', 'recensement', 'production',
  'publication', 'validation', 'évaluation', 'tenue',
];

/** Infinitive-looking words that are nouns or adverbs, not verbs ("Nombre", "Centre", "Dossier"). */
export const NOT_INFINITIVES = new Set([
  'nombre', 'centre', 'dossier', 'premier', 'dernier', 'quartier', 'chantier', 'titre', 'autre', 'entre', 'notre',
  'votre', 'offre', 'ordre', 'membre', 'cadre', 'cahier', 'cancer', 'hiver', 'métier', 'foyer', 'loyer', 'papier',
  'calendrier', 'atelier', 'courrier', 'fichier', 'dispositif', 'lettre', 'mètre', 'nombre', 'sucre', 'libre',
  'double', 'semestre', 'trimestre', 'registre', 'chiffre', 'plaisir', 'avenir', 'désir', 'loisir', 'soir', 'noir',
  'espoir', 'pouvoir', 'savoir', 'devoir', 'mouchoir', 'couloir', 'comptoir', 'tiroir', 'miroir', 'réservoir',
  'terroir', 'outre', 'contre', 'encore', 'alors', 'lors', 'hier', 'fier', 'cher', 'mer', 'fer', 'ver', 'super',
  'acteur', 'partenaire', 'territoire', 'laboratoire', 'répertoire', 'observatoire', 'dentaire', 'sanitaire',
  'binaire', 'horaire', 'salaire', 'annuaire', 'itinéraire', 'inventaire', 'sommaire', 'formulaire', 'bénévole',
  'dispensaire', 'pédiatre', 'psychiatre', 'gériatre', 'théâtre', 'cloître', 'ministre', 'maître', 'poitrine',
  'cinquantaine', 'centaine', 'dizaine', 'sinistre', 'filtre', 'spectre', 'diamètre', 'paramètre', 'périmètre',
  'rencontre', 'entretien', 'guichet', 'projet', 'réseau', 'comité', 'vademecum', 'hospitalier', 'financier',
  'régulier', 'particulier', 'saisonnier', 'journalier', 'conseiller', 'officier', 'œuvre', 'oeuvre', 'livre', 'fièvre',
]);

/** Function words after which a line (or a phrase) cannot end: the text goes on. */
export const FUNCTION_WORDS = new Set([
  'de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'à', 'au', 'aux', 'et', 'ou', 'en', 'par', 'pour', 'sur', 'sous',
  'avec', 'dans', 'un', 'une', 'ce', 'ces', 'cette', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'qui', 'que',
  'dont', 'entre', 'vers', 'chez', 'afin', 'ainsi', 'ni', 'mais', 'selon', 'auprès', 'dès', 'via', 'contre', 'plus',
  'moins', 'très', 'tout', 'tous', 'toute', 'toutes', 'se', 's', 'ne', 'n', 'qu', 'lorsque', 'puis', 'hors', 'post',
  'pré', 'à l', 'de l', 'jusqu', 'près',
]);

/** Words that open a descriptive sentence (comments explain; actions command). */
export const DETERMINERS = new Set([
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'ce', 'cet', 'cette', 'ces', 'il', 'elle', 'ils', 'elles', 'cela', 'ceci',
  'on', 'nous', 'leur', 'leurs', 'son', 'sa', 'ses', 'certains', 'certaines', 'plusieurs', 'chaque', 'aucun', 'aucune',
]);

/** Openers of a remark rather than a command ("Pour rappel", "Exemple :", "Enjeu de ...", "À noter"). */
export const REMARK_OPENERS = /^(?:pour rappel|exemple|par exemple|enjeux?\b|à noter|a noter|nb\s*:|n\.b\.|remarque|rappel|objectif\s*:|précision|actuellement|aujourd['’]hui|depuis|en (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|en \d{4}\b)/iu;

/** Finite verbs typical of explanatory prose. */
export const DECLARATIVE_VERBS =
  /(?<![\p{L}])(?:est|sont|était|étaient|sera|seront|a pour|ont pour|a été|ont été|vise|visent|permet|permettent|doit|doivent|prévoit|prévoient|offre|offrent|répondra|poursuivra|souhaite|souhaitent|lancent|lance|constitue|constituent|peut|peuvent|reste|restent|s['’]agit|oriente|préconise|c['’]est|il y a)(?![\p{L}])/iu;

/** Dates and time phrases: comments report progress ("à compter de décembre 2023", "depuis l’été 2022"). */
export const DATE_CUES =
  /(?<![\p{L}])(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|depuis|à compter|prévue?s?|en cours|courant|fin \d{4}|début \d{4}|l['’]été|automne|hiver|printemps|rentrée)(?![\p{L}])/iu;

/** Bullet or arrow opening a list item; "=>" and private-use bullets of PDF fonts included. */
export const ITEM_MARKER = /^\s*(?:[-•▪◦●■–—⇒➢►\u2022\uf0b7\uf0a7\uf0d8\uf0fc]|=>|\d+[.)])\s+/u;
