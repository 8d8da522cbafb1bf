/**
 * Worker threads on Node 20 load JavaScript only, so anything loaded by URL at
 * run time (worker entries, actor modules) comes from the build in `dist/`,
 * whether the caller runs from `dist/` or from TypeScript sources under vitest.
 */
const here = new URL('.', import.meta.url);
const runningFromDist = here.pathname.endsWith('/dist/src/runtime/');

export const projectRoot: URL = new URL(runningFromDist ? '../../../' : '../../', here);
export const distRoot: URL = new URL('dist/', projectRoot);

/** URL of a compiled file, given its path from the project root with a .js extension. */
export function distUrl(relativeJsPath: string): URL {
  return new URL(relativeJsPath, distRoot);
}
