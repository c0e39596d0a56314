import { z } from 'zod';
import { Events } from './events.js';
import { Restitution } from './restitution.js';
import { Roadmap } from './roadmap.js';

export * from './common.js';
export * from './roadmap.js';
export * from './restitution.js';
export * from './events.js';
export * from './diff.js';
export * from './compare.js';

/** Any document `fdr extract` produces. */
export const ExtractedDocument = z.discriminatedUnion('kind', [Roadmap, Restitution, Events]);
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;
export type DocumentKind = ExtractedDocument['kind'];
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['roadmap', 'restitution', 'events'];
