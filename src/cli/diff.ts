import { FdrError } from '../errors/index.js';

export async function run(): Promise<number> {
  throw new FdrError('USAGE', '`fdr diff` is not available yet');
}
