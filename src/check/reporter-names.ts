/** The reporters' names, apart from the reporters themselves (and the rules and schemas they load). */
export type ReporterName = 'text' | 'json' | 'github' | 'junit';
export const REPORTERS: readonly ReporterName[] = ['text', 'json', 'github', 'junit'];
