/** French administrative names the restitution and events readers recognise (reference data, not document text). */
import { comparisonKey } from '../../text/normalize.js';

/** The 18 regions of France (2016 map), as usually written. */
export const FRENCH_REGIONS: readonly string[] = [
  'Auvergne-Rhône-Alpes',
  'Bourgogne-Franche-Comté',
  'Bretagne',
  'Centre-Val de Loire',
  'Corse',
  'Grand Est',
  'Hauts-de-France',
  'Île-de-France',
  'Normandie',
  'Nouvelle-Aquitaine',
  'Occitanie',
  'Pays de la Loire',
  'Provence-Alpes-Côte d’Azur',
  'Guadeloupe',
  'Martinique',
  'Guyane',
  'La Réunion',
  'Mayotte',
];

/** The départements of France, as usually written. */
export const FRENCH_DEPARTMENTS: readonly string[] = [
  'Ain', 'Aisne', 'Allier', 'Alpes-de-Haute-Provence', 'Hautes-Alpes', 'Alpes-Maritimes', 'Ardèche', 'Ardennes',
  'Ariège', 'Aube', 'Aude', 'Aveyron', 'Bouches-du-Rhône', 'Calvados', 'Cantal', 'Charente', 'Charente-Maritime',
  'Cher', 'Corrèze', 'Corse-du-Sud', 'Haute-Corse', 'Côte-d’Or', 'Côtes-d’Armor', 'Creuse', 'Dordogne', 'Doubs',
  'Drôme', 'Eure', 'Eure-et-Loir', 'Finistère', 'Gard', 'Haute-Garonne', 'Gers', 'Gironde', 'Hérault',
  'Ille-et-Vilaine', 'Indre', 'Indre-et-Loire', 'Isère', 'Jura', 'Landes', 'Loir-et-Cher', 'Loire', 'Haute-Loire',
  'Loire-Atlantique', 'Loiret', 'Lot', 'Lot-et-Garonne', 'Lozère', 'Maine-et-Loire', 'Manche', 'Marne',
  'Haute-Marne', 'Mayenne', 'Meurthe-et-Moselle', 'Meuse', 'Morbihan', 'Moselle', 'Nièvre', 'Nord', 'Oise', 'Orne',
  'Pas-de-Calais', 'Puy-de-Dôme', 'Pyrénées-Atlantiques', 'Hautes-Pyrénées', 'Pyrénées-Orientales', 'Bas-Rhin',
  'Haut-Rhin', 'Rhône', 'Haute-Saône', 'Saône-et-Loire', 'Sarthe', 'Savoie', 'Haute-Savoie', 'Paris',
  'Seine-Maritime', 'Seine-et-Marne', 'Yvelines', 'Deux-Sèvres', 'Somme', 'Tarn', 'Tarn-et-Garonne', 'Var',
  'Vaucluse', 'Vendée', 'Vienne', 'Haute-Vienne', 'Vosges', 'Yonne', 'Territoire de Belfort', 'Essonne',
  'Hauts-de-Seine', 'Seine-Saint-Denis', 'Val-de-Marne', 'Val-d’Oise', 'Guadeloupe', 'Martinique', 'Guyane',
  'La Réunion', 'Mayotte',
];

const DEPARTMENT_KEYS = new Map(FRENCH_DEPARTMENTS.map((d) => [comparisonKey(d), d]));

/** The département a name designates ("la Seine-Maritime", "l’Eure", "SEINE MARITIME"), if it is one. */
export function matchDepartment(name: string): string | undefined {
  const bare = name.replace(/^(?:(?:les|le|la)\s+|l['’]\s*)/i, '').trim();
  return DEPARTMENT_KEYS.get(comparisonKey(bare)) ?? DEPARTMENT_KEYS.get(comparisonKey(bare.replace(/ /g, '-')));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The region a document is about: the region name it mentions most often (its own spelling mended to the usual one). */
export function findRegion(text: string): string {
  let best = { name: '', count: 0 };
  for (const region of FRENCH_REGIONS) {
    // Hyphens and spaces are interchangeable in the documents ("HAUTS-DE FRANCE"); apostrophes vary.
    const pattern = escapeRegExp(region).replace(/\\-| /g, '[\\s-]+').replace(/’/g, "['’]");
    const count = text.match(new RegExp(`(?<![\\p{L}-])${pattern}(?![\\p{L}-])`, 'giu'))?.length ?? 0;
    if (count > best.count) best = { name: region, count };
  }
  return best.name;
}
