import type { AnyActorDef } from '../actor.js';

const cache = new Map<string, Promise<AnyActorDef>>();

/** Load an actor module's default export and check it looks like an ActorDef. */
export function loadActorDef(moduleUrl: string): Promise<AnyActorDef> {
  let p = cache.get(moduleUrl);
  if (!p) {
    p = import(moduleUrl).then((mod: { default?: unknown }) => {
      const def = mod.default as Partial<AnyActorDef> | undefined;
      if (!def || typeof def.name !== 'string' || typeof def.init !== 'function' || typeof def.receive !== 'function' || typeof def.inbox !== 'object') {
        throw new TypeError(`${moduleUrl} does not default-export an actor definition (defineActor({...}))`);
      }
      return def as AnyActorDef;
    });
    cache.set(moduleUrl, p);
  }
  return p;
}
