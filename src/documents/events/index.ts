export { parseEventsText, findAgenda, findChallenges, findDocumentDate, findPeriod, findTitle } from './parse.js';
export {
  FRENCH_DATE_PATTERN,
  FRENCH_MONTHS,
  FRENCH_WEEKDAYS,
  findFrenchDates,
  findYears,
  isoDate,
  parseFrenchDate,
  resolveDate,
  type FrenchDate,
  type ResolvedDate,
  type YearContext,
} from '../../text/dates.js';
export { FRENCH_DEPARTMENTS, FRENCH_REGIONS, findRegion, matchDepartment } from './places.js';
