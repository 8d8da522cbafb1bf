import { createRequire } from 'node:module';
import type { ELK as Elk, ELKConstructorArguments, ElkEdgeSection, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';

/** elkjs is CommonJS (module.exports = ELK): required, so NodeNext's default-import typing does not get in the way. */
const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new (args?: ELKConstructorArguments) => Elk;

/** A box of the graph: its lines of text (the first is the title), colours, and the group (phase, campaign…) it sits in. */
export interface GraphNode {
  readonly id: string;
  readonly lines: readonly string[];
  readonly fill: string;
  readonly stroke: string;
  readonly group?: string;
  /** Drawn dashed: something not there yet (a latent goal, an escalation not spawned). */
  readonly dashed?: boolean;
  /** data-* attributes on the node's <g>, for tests and for the page. */
  readonly data?: Readonly<Record<string, string>>;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly color: string;
  readonly dashed?: boolean;
  /** What the edge means (`requires`, `voids`, `branch`, `spawns`…): written as its class. */
  readonly kind: string;
}

export interface GraphSpec {
  readonly title: string;
  readonly groups: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Lines under the title: what the colours and dashes mean. */
  readonly legend?: readonly string[];
}

const CHAR_W = 6.6;
const LINE_H = 14;
const PAD = 8;
const TITLE_H = 22;
const FONT = "font-family='ui-monospace, Menlo, Consolas, monospace' font-size='11'";

/**
 * Lay the graph out with ELK's layered algorithm (groups as compound nodes,
 * edges across them) and draw it as a standalone SVG: no hand-placed
 * coordinates, the same renderer for a mission's objectives and a soak's tasks.
 */
export async function renderGraphSvg(spec: GraphSpec): Promise<string> {
  const size = (lines: readonly string[]): { width: number; height: number } => ({
    width: Math.ceil(Math.max(...lines.map((l) => l.length), 4) * CHAR_W + 2 * PAD),
    height: lines.length * LINE_H + PAD,
  });
  const leaf = (n: GraphNode): ElkNode => ({ id: n.id, ...size(n.lines) });
  const grouped = new Set(spec.groups.map((g) => g.id));
  const children: ElkNode[] = [
    ...spec.groups.map((g) => ({
      id: `group:${g.id}`,
      layoutOptions: { 'elk.padding': `[top=${TITLE_H},left=10,bottom=10,right=10]` },
      labels: [{ text: g.label }],
      children: spec.nodes.filter((n) => n.group === g.id).map(leaf),
    })),
    ...spec.nodes.filter((n) => n.group === undefined || !grouped.has(n.group)).map(leaf),
  ];
  const edges: ElkExtendedEdge[] = spec.edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to], ...(e.label ? { labels: [{ text: e.label, width: e.label.length * CHAR_W, height: LINE_H }] } : {}) }));
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.spacing.nodeNode': '18',
      'elk.edgeLabels.inline': 'false',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
    },
    children,
    edges,
  };
  const laid: ElkNode = await new ELK().layout(root);
  // ELK gives each node's place inside its parent, and each edge's inside its container: make both absolute.
  const origin = new Map<string, { x: number; y: number }>([['root', { x: 0, y: 0 }]]);
  const placed = new Map<string, ElkNode & { ax: number; ay: number }>();
  const walk = (n: ElkNode, ox: number, oy: number): void => {
    for (const c of n.children ?? []) {
      const ax = ox + (c.x ?? 0);
      const ay = oy + (c.y ?? 0);
      origin.set(c.id, { x: ax, y: ay });
      placed.set(c.id, { ...c, ax, ay });
      walk(c, ax, ay);
    }
  };
  walk(laid, 0, 0);
  const header = 20 + (spec.legend?.length ?? 0) * LINE_H + 8;
  const width = Math.max(laid.width ?? 0, ...[spec.title, ...(spec.legend ?? [])].map((l) => l.length * CHAR_W + 24));
  const height = (laid.height ?? 0) + header;
  const out: string[] = [
    `<svg xmlns='http://www.w3.org/2000/svg' width='${Math.ceil(width)}' height='${Math.ceil(height)}' viewBox='0 0 ${Math.ceil(width)} ${Math.ceil(height)}' ${FONT}>`,
    `<title>${esc(spec.title)}</title>`,
    `<defs>${[...new Set(spec.edges.map((e) => e.color))].map((c) => `<marker id='arrow-${c.replace('#', '')}' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='7' markerHeight='7' orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' fill='${c}'/></marker>`).join('')}</defs>`,
    `<rect width='100%' height='100%' fill='#0f1115'/>`,
    `<text x='12' y='16' fill='#e8e8e8' font-size='13' font-weight='bold'>${esc(spec.title)}</text>`,
    ...(spec.legend ?? []).map((l, i) => `<text x='12' y='${16 + (i + 1) * LINE_H}' fill='#9aa0a6'>${esc(l)}</text>`),
    `<g transform='translate(0,${header})'>`,
  ];
  for (const g of spec.groups) {
    const box = placed.get(`group:${g.id}`);
    if (!box) continue;
    out.push(`<g class='group' data-group='${esc(g.id)}'><rect x='${box.ax}' y='${box.ay}' width='${box.width}' height='${box.height}' rx='6' fill='#171a21' stroke='#3a3f4b'/><text x='${box.ax + 8}' y='${box.ay + 15}' fill='#c9d1d9' font-weight='bold'>${esc(g.label)}</text></g>`);
  }
  for (const [i, e] of (laid.edges ?? []).entries()) {
    const spec_e = spec.edges[i];
    if (!spec_e) continue;
    const o = origin.get((e as ElkExtendedEdge & { container?: string }).container ?? 'root') ?? { x: 0, y: 0 };
    const d = (e.sections ?? []).map((s: ElkEdgeSection) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p, k) => `${k === 0 ? 'M' : 'L'}${(p.x + o.x).toFixed(1)},${(p.y + o.y).toFixed(1)}`).join(' ')).join(' ');
    out.push(`<g class='edge ${esc(spec_e.kind)}' data-from='${esc(spec_e.from)}' data-to='${esc(spec_e.to)}'><path d='${d}' fill='none' stroke='${spec_e.color}' stroke-width='1.4'${spec_e.dashed ? " stroke-dasharray='5 3'" : ''} marker-end='url(#arrow-${spec_e.color.replace('#', '')})'/>`);
    for (const l of e.labels ?? []) out.push(`<text x='${(l.x ?? 0) + o.x}' y='${(l.y ?? 0) + o.y + 10}' fill='${spec_e.color}'>${esc(l.text ?? '')}</text>`);
    out.push('</g>');
  }
  for (const n of spec.nodes) {
    const box = placed.get(n.id);
    if (!box) continue;
    const data = Object.entries(n.data ?? {}).map(([k, v]) => ` data-${k}='${esc(v)}'`).join('');
    out.push(`<g class='node' id='${esc(n.id)}'${data}><rect x='${box.ax}' y='${box.ay}' width='${box.width}' height='${box.height}' rx='4' fill='${n.fill}' stroke='${n.stroke}' stroke-width='1.5'${n.dashed ? " stroke-dasharray='4 3'" : ''}/>`);
    n.lines.forEach((line, k) => out.push(`<text x='${box.ax + PAD}' y='${box.ay + PAD / 2 + (k + 1) * LINE_H - 3}' fill='${k === 0 ? '#ffffff' : '#d0d4da'}'${k === 0 ? " font-weight='bold'" : ''}>${esc(line)}</text>`));
    out.push('</g>');
  }
  out.push('</g></svg>');
  return `${out.join('\n')}\n`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
}
