import { Cons, LispMap, Sym, type Value, listToArray } from '../../lisp/values.js';
import { kw, lst, rec, sym } from './lisp-data.js';
import type { GenContext, Generated } from './types.js';
import { ICE_TYPES, NODE_ROLES } from './vocabulary.js';

/**
 * ICE BREAKER's seeds. A topology is a tree rooted at the gateway: hubs under
 * it, leaves under the hubs, the core always deepest. Bigger and deeper with
 * threat.
 */
export function networkTopology(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const hubCount = 1 + Math.min(3, Math.floor(threat / 2) + rng.int(2));
  const roles = [...NODE_ROLES];
  const nodes: string[] = ['gateway'];
  const links: [string, string][] = [];
  const hubs: string[] = [];
  for (let h = 0; h < hubCount && roles.length > 0; h++) {
    const role = roles.splice(rng.int(roles.length), 1)[0] as string;
    hubs.push(role);
    nodes.push(role);
    links.push(['gateway', role]);
  }
  const leaves = Math.min(roles.length, rng.range(1, 1 + threat));
  for (let l = 0; l < leaves; l++) {
    const role = roles.splice(rng.int(roles.length), 1)[0] as string;
    const hub = rng.pick(hubs);
    nodes.push(role);
    links.push([hub, role]);
  }
  const coreParent = nodes[nodes.length - 1] as string;
  nodes.push('core');
  links.push([coreParent, 'core']);
  const depth = depthOf('core', links);
  return {
    // The hubs and what the core sits behind tell one net from another (node count and depth alone gave 9 summaries in 3,957 contracts).
    summary: `${nodes.length}-node net via ${hubs.join('/')}, core ${depth} hops in behind ${coreParent}`,
    value: rec({ nodes: lst(nodes.map(sym)), links: lst(links.map(([a, b]) => lst([sym(a), sym(b)]))), depth }),
  };
}

function depthOf(node: string, links: readonly (readonly [string, string])[]): number {
  let d = 0;
  for (let at = node; at !== 'gateway' && d < 64; d++) at = links.find(([, b]) => b === at)?.[0] ?? 'gateway';
  return d;
}

/** ICE on the topology's nodes (or on generic nodes when there is none): more, and nastier, with threat. */
export function icePlacement(ctx: GenContext): Generated {
  const { rng, threat } = ctx;
  const topo = ctx.made.get('network-topology');
  const nodes = topologyNodes(topo?.value) ?? ['gateway', 'dmz', 'core'];
  const count = Math.max(1, Math.ceil(threat * 0.8));
  const kinds = ICE_TYPES.slice(0, Math.min(ICE_TYPES.length, 2 + threat));
  const placed: { node: string; ice: string; strength: number }[] = [];
  for (let i = 0; i < count; i++) {
    const node = i === count - 1 ? (nodes[nodes.length - 1] as string) : rng.pick(nodes);
    placed.push({ node, ice: rng.pick(kinds), strength: rng.range(1, threat + 2) });
  }
  const shown = placed.slice(0, 3).map((p) => `${p.ice}@${p.node}`);
  return {
    summary: `${count} ICE: ${shown.join(', ')}${count > 3 ? ` and ${count - 3} more` : ''}`,
    value: lst(placed.map((p) => rec({ node: sym(p.node), ice: kw(p.ice), strength: p.strength }))),
  };
}

function topologyNodes(v: Value | undefined): string[] | null {
  if (!(v instanceof LispMap)) return null;
  const nodes = v.get(kw('nodes'));
  if (!(nodes instanceof Cons)) return null;
  const out = listToArray(nodes).flatMap((n) => (n instanceof Sym ? [n.name] : []));
  return out.length > 0 ? out : null;
}

/** Layers of encryption between the operator and the prize. */
export function encryptionDepth(ctx: GenContext): Generated {
  const layers = 1 + Math.floor(ctx.threat / 2) + ctx.rng.int(2);
  return { summary: `${layers} layer${layers === 1 ? '' : 's'} deep`, value: layers };
}
