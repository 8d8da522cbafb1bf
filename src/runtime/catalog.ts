/** Actor name → URL of the compiled module that default-exports its ActorDef. */
export type ActorCatalog = Readonly<Record<string, string>>;

export function resolveActor(catalog: ActorCatalog, actor: string): string {
  const url = Object.hasOwn(catalog, actor) ? catalog[actor] : undefined;
  if (url === undefined) {
    const known = Object.keys(catalog).sort().join(', ');
    throw new Error(`unknown actor '${actor}' (the catalog has: ${known || 'nothing'})`);
  }
  return url;
}
