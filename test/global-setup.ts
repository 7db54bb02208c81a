import { BUILT_WORKER, ensureBuilt } from './helpers/built-package.js';

/**
 * Once per `vitest run`: dist/ built (cached while the sources are unchanged), and every worker
 * pool pointed at the built render worker (see renderWorkerUrl).
 */
export default function setup(): void {
  ensureBuilt();
  process.env.QMSDOC_WORKER = BUILT_WORKER;
}
