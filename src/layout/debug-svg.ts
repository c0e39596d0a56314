import type { PageModel } from '../sources/page-model.js';
import type { PageLayout } from './page-layout.js';
export async function writeDebugOverlays(_dir: string, _pages: readonly PageModel[], _layouts: readonly PageLayout[]): Promise<void> {}
