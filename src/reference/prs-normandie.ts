/**
 * The 12 priority axes of the Projet régional de santé Normandie 2023-2028, as published by ARS Normandie.
 * Roadmaps of every CTS are organised by these axes ("Action prioritaire #N"): an axis title read from a
 * document is checked against this list, and a mismatch becomes a warning.
 */
export const PRS_NORMANDIE_AXES: readonly string[] = [
  'Relever le défi du vieillissement et de la perte d’autonomie',
  'Mailler l’offre de soins en conjuguant ambition pour la proximité et excellence du recours et en organisant les mobilités',
  'Améliorer la santé mentale des Normands',
  'Renforcer l’évolution inclusive de la société',
  'Garantir aux personnes en situation de précarité l’accès aux soins et services dont elles ont besoin',
  'Agir collectivement sur les déterminants de santé publique à plus fort enjeu pour les normands et adapter notre stratégie de prévention aux publics cibles',
  'Développer et renforcer l’autonomie et la capacité des personnes malades et de leurs aidants',
  'Soutenir l’usager comme acteur du système de santé',
  'Structurer de nouveaux modèles de prise en charge en favorisant les coopérations et les complémentarités entre les acteurs',
  'Renforcer l’offre de formation au plus près des territoires ainsi que l’attractivité des métiers de la santé et la fixation des professionnels dans les territoires',
  'Accompagner les établissements et les professionnels dans leurs transformations structurelles en encourageant notamment le virage numérique et les innovations',
  'Engager le système de santé normand dans la transition écologique',
];

/**
 * The seven territorial health councils (CTS) of Normandie and the département each lies in (mostly: CTS
 * boundaries follow health territories, not départements). Calvados, Manche and Orne are whole départements;
 * the Eure is the CTS of Évreux-Vernon, and Seine-Maritime is split between Rouen-Elbeuf, Le Havre and Dieppe.
 */
export const NORMANDIE_TERRITORIES = [
  { name: 'Rouen-Elbeuf', type: 'cts', department: 'Seine-Maritime' },
  { name: 'Calvados', type: 'departement', department: 'Calvados' },
  { name: 'Dieppe', type: 'cts', department: 'Seine-Maritime' },
  { name: 'Orne', type: 'departement', department: 'Orne' },
  { name: 'Manche', type: 'departement', department: 'Manche' },
  { name: 'Le Havre', type: 'cts', department: 'Seine-Maritime' },
  { name: 'Évreux-Vernon', type: 'cts', department: 'Eure' },
] as const;
