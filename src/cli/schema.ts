import { isSchemaKind, SCHEMA_KINDS, schemaFileText } from '../check/schemas.js';
import { FdrError } from '../errors/index.js';

/** `fdr schema KIND`: prints the JSON Schema of one document kind (the same text as schemas/KIND.schema.json). */
export async function run(kind: string): Promise<number> {
  if (!isSchemaKind(kind)) throw new FdrError('USAGE', `unknown schema kind "${kind}"`, { hint: `use one of ${SCHEMA_KINDS.join(', ')}` });
  process.stdout.write(schemaFileText(kind));
  return 0;
}
