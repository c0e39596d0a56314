import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFor, SCHEMA_KINDS, type SchemaKind, schemaFileName, schemaFileText, undescribedProperties } from '../../src/check/schemas.js';
import { serialize } from '../../src/export/index.js';
import { extractFile } from '../../src/extract.js';
import { Roadmap, schemaId } from '../../src/model/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const committed = (kind: SchemaKind) => readFileSync(join(ROOT, 'schemas', schemaFileName(kind)), 'utf8');

type Schema = Record<string, unknown>;

/**
 * A validator for the JSON Schema keywords the generated schemas use (and only those: an unknown keyword throws,
 * so a schema change cannot make this check silently weaker). `partial` checks a document that has a subset of
 * the fields (the gold transcriptions): `required` is not enforced and `skip` paths are ignored.
 */
function validate(schema: Schema, value: unknown, options: { partial?: boolean; skip?: (path: string) => boolean } = {}, path = '$'): string[] {
  if (options.skip?.(path)) return [];
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`${path}: ${message}`);
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  for (const [keyword, rule] of Object.entries(schema)) {
    switch (keyword) {
      case '$schema':
      case '$id':
      case 'title':
      case 'description':
      case 'default':
        break;
      case 'type': {
        const types = Array.isArray(rule) ? rule : [rule];
        const actual = typeOf(value);
        if (!types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) fail(`expected ${types.join('|')}, got ${actual}`);
        break;
      }
      case 'const':
        if (value !== rule) fail(`expected ${JSON.stringify(rule)}`);
        break;
      case 'enum':
        if (!(rule as unknown[]).includes(value)) fail(`${JSON.stringify(value)} not in ${JSON.stringify(rule)}`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (rule as number)) fail(`${value} < ${rule}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (rule as number)) fail(`${value} > ${rule}`);
        break;
      case 'exclusiveMinimum':
        if (typeof value === 'number' && value <= (rule as number)) fail(`${value} <= ${rule}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(rule as string, 'u').test(value)) fail(`does not match ${rule}`);
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (rule as number)) fail(`fewer than ${rule} items`);
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > (rule as number)) fail(`more than ${rule} items`);
        break;
      case 'required':
        if (!options.partial && value && typeof value === 'object' && !Array.isArray(value))
          for (const name of rule as string[]) if (!(name in value)) fail(`missing required "${name}"`);
        break;
      case 'properties':
        if (value && typeof value === 'object' && !Array.isArray(value))
          for (const [name, sub] of Object.entries(rule as Record<string, Schema>))
            if (name in value) errors.push(...validate(sub, (value as Record<string, unknown>)[name], options, `${path}.${name}`));
        break;
      case 'additionalProperties':
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          const known = Object.keys((schema.properties as object | undefined) ?? {});
          for (const [name, v] of Object.entries(value)) {
            if (known.includes(name)) continue;
            if (rule === false) {
              if (!options.skip?.(`${path}.${name}`)) fail(`unexpected property "${name}"`);
            } else errors.push(...validate(rule as Schema, v, options, `${path}.${name}`));
          }
        }
        break;
      case 'propertyNames':
        if (value && typeof value === 'object' && !Array.isArray(value))
          for (const name of Object.keys(value)) errors.push(...validate(rule as Schema, name, options, `${path}{${name}}`));
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((v, i) => errors.push(...validate(rule as Schema, v, options, `${path}[${i}]`)));
        break;
      case 'prefixItems':
        if (Array.isArray(value)) (rule as Schema[]).forEach((sub, i) => i < value.length && errors.push(...validate(sub, value[i], options, `${path}[${i}]`)));
        break;
      case 'anyOf': {
        const branches = (rule as Schema[]).map((sub) => validate(sub, value, options, path));
        if (!branches.some((b) => b.length === 0)) fail(`matches no branch of anyOf (${branches.map((b) => b[0]).join(' / ')})`);
        break;
      }
      default:
        throw new Error(`validator does not know the keyword "${keyword}" (at ${path}): extend it`);
    }
  }
  return errors;
}

describe('published JSON Schemas', () => {
  it.each(SCHEMA_KINDS)('schemas/%s.schema.json is up to date (run `npm run schemas` when this fails)', (kind) => {
    expect(committed(kind)).toBe(schemaFileText(kind));
  });

  it.each(SCHEMA_KINDS)('%s: $id is schemaId(kind), and it is a draft 2020-12 schema of an object', (kind) => {
    const schema = jsonSchemaFor(kind);
    expect(schema.$id).toBe(schemaId(kind));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect((schema.properties as Schema).kind).toMatchObject({ const: kind });
  });

  it.each(SCHEMA_KINDS)('%s: every property, at every depth, has a description', (kind) => {
    const schema = jsonSchemaFor(kind);
    expect(typeof schema.description).toBe('string');
    expect(undescribedProperties(schema)).toEqual([]);
  });

  it('the description walker finds undescribed properties in nested objects, arrays, unions and $defs', () => {
    const schema = {
      type: 'object',
      properties: {
        ok: { type: 'string', description: 'fine' },
        bare: { type: 'string' },
        list: { type: 'array', description: 'x', items: { type: 'object', properties: { inner: { type: 'number', description: '  ' } } } },
        either: { description: 'x', anyOf: [{ type: 'null' }, { type: 'object', properties: { deep: { type: 'string' } } }] },
      },
      $defs: { Thing: { type: 'object', properties: { field: { type: 'string' } } } },
    };
    expect(undescribedProperties(schema)).toEqual(['$.bare', '$.list[].inner', '$.either<anyOf1>.deep', '#/$defs/Thing.field']);
  });
});

describe('documents validate against the published schemas', () => {
  const roadmapSchema = JSON.parse(committed('roadmap')) as Schema;
  const seeds = ['le-havre-2024.txt', 'calvados-2024.txt'];

  it.each(seeds)('fdr output for %s is accepted by the Roadmap Zod schema and by schemas/roadmap.schema.json', async (seed) => {
    const doc = await extractFile(join(ROOT, 'fixtures', seed));
    expect(Roadmap.safeParse(doc).success).toBe(true);
    const written = JSON.parse(serialize(doc, 'json'));
    expect(written.$schema).toBe(roadmapSchema.$id);
    expect(validate(roadmapSchema, written)).toEqual([]);
  });

  it('the validator rejects a damaged roadmap (so the check above can fail)', async () => {
    const written = JSON.parse(serialize(await extractFile(join(ROOT, 'fixtures', 'calvados-2024.txt')), 'json'));
    written.territoryType = 'région';
    written.axes[0].chantiers[0].actions[0].fundings = 'FIR';
    written.axes[0].number = -1;
    delete written.source.sha256;
    written.extra = true;
    const errors = validate(roadmapSchema, written);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.territoryType: /),
        expect.stringMatching(/^\$\.axes\[0\]\.chantiers\[0\]\.actions\[0\]\.fundings: expected array/),
        expect.stringMatching(/^\$\.axes\[0\]\.number: -1 < 0/),
        expect.stringMatching(/^\$\.source: missing required "sha256"/),
        expect.stringMatching(/unexpected property "extra"/),
      ]),
    );
  });

  // The gold transcriptions hold a subset of our fields, under the same names and nesting: every field they have
  // must be one our schema allows, with the type it allows. Their `source` is the seed file name (ours is an
  // object) and `notes` are the transcriber's remarks, so both are left out.
  const golds: [string, SchemaKind][] = [
    ['le-havre-2024.gold.json', 'roadmap'],
    ['calvados-2024.gold.json', 'roadmap'],
    ['normandie-restitution-2022.gold.json', 'restitution'],
    ['hauts-de-france-cnr-2022.gold.json', 'events'],
    ['normandie-temps-forts-2024.gold.json', 'events'],
  ];
  const skip = (path: string) => path === '$.source' || path.endsWith('.notes');

  it.each(golds)('gold %s uses only fields of schemas/%s.schema.json, with their types', (gold, kind) => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'fixtures/gold', gold), 'utf8'));
    expect(doc.kind).toBe(kind);
    expect(validate(JSON.parse(committed(kind)), doc, { partial: true, skip })).toEqual([]);
  });

  it('partial validation still rejects a misnamed or mistyped gold field', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'fixtures/gold/calvados-2024.gold.json'), 'utf8'));
    doc.axes[0].chantiers[0].actions[0].indicateurs = 'x';
    doc.axes[1].number = '2';
    const errors = validate(roadmapSchema, doc, { partial: true, skip });
    expect(errors).toEqual([
      '$.axes[0].chantiers[0].actions[0]: unexpected property "indicateurs"',
      '$.axes[1].number: expected integer, got string',
    ]);
  });
});
