import { formatReward } from './rewards.js';
import type { GoalView, MissionSnapshot } from './views.js';

/**
 * The objective panel of seed 003 §9 as text, one row per goal, the branch
 * tree indented under its parent:
 *
 *   ○ P1 Breach the payroll subnet                ¤600            primary · briefed
 *   + O1 Ghost run — hold trace < 50              +4 REP          optional · briefed · escrow
 *   ◌ !! [latent] ESCAPE before lockdown — spawns @ trace 75; fail = mission fail
 *
 * Glyphs (§9): ○ open · ● done · ◌ locked/latent · ◇ branch choice · + optional
 * (open) · !! escalation. §9 draws no failed, forfeit or void rows; this adds
 * ✕ failed · ⊘ forfeit · ∅ void (decision, see docs/objectives.md).
 * Rendered from a MissionSnapshot (plain data), so any thread can draw it.
 * Rows are cut to the deck's 128 columns and the panel to its 75 rows.
 */
export const PANEL_COLUMNS = 128;
export const PANEL_ROWS = 75;

export interface PanelOptions {
  /** `operator` hides latent goals not yet revealed (what the deck shows); `designer` (default) shows every row as §9 does. */
  readonly view?: 'designer' | 'operator';
  readonly columns?: number;
  readonly rows?: number;
}

const TEXT_COLUMN = 48;
const REWARD_COLUMN = 24;

export function renderPanel(snapshot: MissionSnapshot, options: PanelOptions = {}): string {
  const columns = options.columns ?? PANEL_COLUMNS;
  const maxRows = options.rows ?? PANEL_ROWS;
  const operator = options.view === 'operator';
  const byName = new Map(snapshot.goals.map((g) => [g.name, g]));
  const labels = labelGoals(snapshot.goals);
  const rows: string[] = [header(snapshot)];
  const multiPhase = snapshot.phases.length > 1;

  const visible = (g: GoalView): boolean => !operator || g.briefed;
  const emit = (g: GoalView, prefix: string): void => {
    rows.push(row(g, prefix, labels.get(g.name) ?? '', columns));
    const kids = g.children.map((n) => byName.get(n) as GoalView).filter(visible);
    const indent = prefix.replace(/[├└]─/g, (m) => (m === '├─' ? '│ ' : '  '));
    kids.forEach((c, i) => emit(c, `${indent}${prefix === '' ? '   ' : ''}${i === kids.length - 1 ? '└─' : '├─'}`));
  };
  for (const p of snapshot.phases) {
    if (multiPhase) {
      const status = p.phase < snapshot.activePhase ? 'passed' : p.phase === snapshot.activePhase ? 'active' : 'pending';
      rows.push(`── phase ${p.phase} (${status}) ${'─'.repeat(20)}`);
    }
    for (const name of p.goals) {
      const g = byName.get(name) as GoalView;
      if (g.parent === null && visible(g)) emit(g, '');
    }
  }
  if (rows.length > maxRows) {
    const hidden = rows.length - (maxRows - 1);
    rows.length = maxRows - 1;
    rows.push(`… ${hidden} more rows`);
  }
  return rows.join('\n');
}

function header(s: MissionSnapshot): string {
  const title = s.schema.toUpperCase().replace(/-/g, ' ');
  const status = s.status === 'resolved' ? `resolved: ${s.outcome ?? ''}` : s.status === 'failed' ? `FAILED (${s.failure?.goal ?? ''})` : s.ready ? 'ready' : 'running';
  return [title, s.threat === null ? null : `threat ${s.threat}`, `seed ${s.seed}`, `phase ${s.activePhase}/${s.phases.length}`, status].filter((x) => x !== null).join(' · ');
}

/** P1, P2… for primaries and O1, O2… for optionals, in mission order; escalation goals are !!, group children unlabelled. */
function labelGoals(goals: readonly GoalView[]): Map<string, string> {
  const out = new Map<string, string>();
  let p = 0;
  let o = 0;
  for (const g of goals) {
    if (g.escalation !== null) out.set(g.name, '!!');
    else if (g.parent !== null) out.set(g.name, '');
    else out.set(g.name, g.role === 'primary' ? `P${++p}` : `O${++o}`);
  }
  return out;
}

/** A goal's state as the panel draws it (○ open, + optional, ● done, ✕ failed, ⊘ forfeit, ∅ void, ◇ branch choice, ◌ locked); the task graph uses the same. */
export function goalGlyph(g: Pick<GoalView, 'state' | 'role' | 'parentGroup' | 'briefed'>): string {
  switch (g.state) {
    case 'open':
      return g.role === 'optional' ? '+' : '○';
    case 'done':
      return '●';
    case 'failed':
      return '✕';
    case 'forfeit':
      return '⊘';
    case 'void':
      return '∅';
    case 'locked':
      return g.parentGroup === 'branch' && g.briefed ? '◇' : '◌';
  }
}

function row(g: GoalView, prefix: string, label: string, columns: number): string {
  const text = g.text ?? g.name.toUpperCase();
  const hidden = !g.briefed;
  const head = `${prefix}${goalGlyph(g)}${label === '' ? '' : ` ${label}`} ${hidden ? '[latent] ' : ''}${text}`;
  if (g.escalation !== null && !g.escalation.fired) {
    return cut(`${head} — spawns @ ${g.escalation.when}${g.role === 'primary' ? '; fail = mission fail' : ''}`, columns);
  }
  const rewards = g.rewards.length > 0 ? g.rewards.map(formatReward).join(' ') : g.bounty === 'gate' ? 'gate' : '—';
  const facets: string[] = [g.role];
  if (hidden) facets.push(g.at === null ? 'latent' : `revealed @ ${atLabel(g.at)}`);
  else facets.push('briefed');
  if (g.rewards.some((r) => r.when === 'on-resolve')) facets.push('escrow');
  if (g.rewards.some((r) => r.when === 'deferred')) facets.push('deferred');
  if (g.rewards.some((r) => r.when === 'recurring')) facets.push('recurring');
  if (g.group === 'any') facets.push('any one of');
  if (g.group === 'branch') facets.push(g.children.length > 0 ? 'branch' : '');
  if (g.parentGroup === 'branch' && g.state === 'locked') facets.push(`excludes ${g.excludes.join(', ')}`);
  if (g.voids.length > 0 && g.state !== 'void') facets.push(`voids ${g.voids.join(', ')}`);
  if (g.failOn !== null && g.state === 'open') facets.push(`fails on ${g.failOn}`);
  if (g.state === 'failed' || g.state === 'void') facets.push(`:${g.state}`);
  if (g.state === 'forfeit') facets.push(g.violated ? ':forfeit (hold broken)' : ':forfeit');
  return cut(`${pad(head, TEXT_COLUMN)} ${pad(rewards, REWARD_COLUMN)} ${facets.filter((f) => f !== '').join(' · ')}`.trimEnd(), columns);
}

/** `(node hr)` → `HR node` (§9: "revealed @ HR node"). */
function atLabel(source: string): string {
  const m = /^\((\S+) (.+)\)$/.exec(source);
  return m === null ? source : `${(m[2] as string).replace(/^:/, '').replace(/^"|"$/g, '').toUpperCase()} ${m[1] as string}`;
}

/** A string's length in code points (what a column counts): its UTF-16 length unless it holds a surrogate pair. */
function width(s: string): number {
  return SURROGATE.test(s) ? [...s].length : s.length;
}
const SURROGATE = /[\uD800-\uDFFF]/;

function pad(s: string, columns: number): string {
  const n = width(s);
  return n >= columns ? s : s + ' '.repeat(columns - n);
}

function cut(s: string, columns: number): string {
  // No string has more code points than UTF-16 units: a short one needs no count.
  if (s.length <= columns || width(s) <= columns) return s;
  return `${[...s].slice(0, columns - 1).join('')}…`;
}
