import { z } from 'zod';
import { Events, Restitution, Roadmap, RoadmapDiff, schemaId } from '../model/index.js';

/**
 * The published JSON Schemas (schemas/<kind>.schema.json) are generated from the Zod schemas, never written
 * by hand: the Zod schemas are the one source of truth, and a test fails when a committed file is stale.
 */
const MODELS = {
  roadmap: { schema: Roadmap, title: 'fdr roadmap (feuille de route territoriale or départementale)' },
  restitution: { schema: Restitution, title: 'fdr restitution (CNR santé restitution brochure)' },
  events: { schema: Events, title: 'fdr events (announcement of territorial workshops)' },
  diff: { schema: RoadmapDiff, title: 'fdr diff (changes between two editions of a roadmap)' },
} as const satisfies Record<string, { schema: z.ZodType; title: string }>;

export type SchemaKind = keyof typeof MODELS;
export const SCHEMA_KINDS = Object.keys(MODELS) as SchemaKind[];

export function isSchemaKind(kind: string): kind is SchemaKind {
  return Object.hasOwn(MODELS, kind);
}

/** The JSON Schema (draft 2020-12) of the documents of one kind, as `fdr` writes them. */
export function jsonSchemaFor(kind: SchemaKind): Record<string, unknown> {
  const { schema, title } = MODELS[kind];
  // "output": the shape of what fdr writes (defaults applied, so schemaVersion is required).
  const { $schema, ...generated } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  return { $schema, $id: schemaId(kind), title, ...generated };
}

/** The exact text of schemas/<kind>.schema.json. */
export function schemaFileText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`;
}

export function schemaFileName(kind: SchemaKind): string {
  return `${kind}.schema.json`;
}

/**
 * Paths of the object properties that have no description, walking every nested schema
 * (properties, array items, unions, $defs). A published schema must leave none.
 */
export function undescribedProperties(schema: unknown, path = '$'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const missing: string[] = [];
  const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [name, property] of Object.entries(properties ?? {})) {
    const here = `${path}.${name}`;
    if (typeof property.description !== 'string' || !property.description.trim()) missing.push(here);
    missing.push(...undescribedProperties(property, here));
  }
  for (const key of ['items', 'additionalProperties', 'not']) missing.push(...undescribedProperties(node[key], `${path}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'])
    if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((sub, i) => missing.push(...undescribedProperties(sub, `${path}<${key}${i}>`)));
  for (const [name, def] of Object.entries((node.$defs as Record<string, unknown> | undefined) ?? {}))
    missing.push(...undescribedProperties(def, `#/$defs/${name}`));
  return missing;
}
