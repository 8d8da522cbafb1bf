// The soak dashboard's page: no framework, uPlot for the charts. Live, it listens to /events
// (Server-Sent Events); exported (--dashboard-export), the snapshot is written into the file.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const charts = {};
  let updates = 0;
  let liveUpdates = 0;
  let lastGraphAt = 0;
  const palette = ['#2f81f7', '#2ea043', '#d29922', '#a371f7', '#f85149', '#39c5cf', '#db61a2', '#e3b341', '#8b949e', '#56d364', '#79c0ff', '#ffa657'];

  function text(id, v) {
    const el = $(id);
    if (el) el.textContent = String(v);
  }

  /** One uPlot per chart; made again when its series change, else given the new data. */
  function chart(id, series, data, opts) {
    const el = $(id);
    const key = series.map((s) => s.label).join('|');
    const old = charts[id];
    if (old && old.key !== key) old.plot.destroy();
    if (old && old.key === key) old.plot.setData(data);
    else {
      const plot = new uPlot(
        Object.assign({ width: Math.max(320, el.clientWidth || 500), height: 220, scales: { x: { time: false } }, series: [{ label: opts.x }].concat(series), axes: [{ stroke: '#8b949e', grid: { stroke: '#262b33' }, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }, { stroke: '#8b949e', grid: { stroke: '#262b33' } }], legend: { show: true } }, opts.extra || {}),
        data,
        el,
      );
      charts[id] = { key, plot };
    }
  }

  const bars = () => (uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 60] }) : undefined);

  function drawCharts(s) {
    const lines = s.lines.filter((l) => l.mission.length > 0);
    // One x axis for all: the band's mission indexes (every mission any campaign played).
    const xs = s.creditsBand.mission.length > 0 ? s.creditsBand.mission : [0];
    const along = (l, field) => xs.map((m) => {
      const i = l.mission.indexOf(m);
      return i < 0 ? null : l[field][i];
    });
    const band = (b, label) => [
      { label: `${label} min`, stroke: '#6e7681', dash: [4, 4] },
      { label: `${label} mean`, stroke: '#e6edf3', width: 2 },
      { label: `${label} max`, stroke: '#6e7681', dash: [4, 4] },
    ];
    const orZero = (a) => (a.length > 0 ? a : [0]);
    for (const [id, field, bandKey, label] of [['chart-credits', 'credits', 'creditsBand', '¤'], ['chart-reputation', 'reputation', 'reputationBand', 'rep']]) {
      const b = s[bandKey];
      chart(
        id,
        lines.map((l, i) => ({ label: `seed ${l.seed}`, stroke: palette[i % palette.length], width: 1 })).concat(band(b, label)),
        [xs].concat(lines.map((l) => along(l, field)), [orZero(b.min), orZero(b.mean), orZero(b.max)]),
        { x: 'mission' },
      );
    }
    const threats = s.byThreat.length > 0 ? s.byThreat : [{ threat: 0, played: 0, succeeded: 0 }];
    chart('chart-threat', [{ label: 'success %', stroke: '#2ea043', fill: '#2ea04380', paths: bars() }], [threats.map((t) => t.threat), threats.map((t) => (t.played > 0 ? Math.round((100 * t.succeeded) / t.played) : 0))], { x: 'threat', extra: { scales: { x: { time: false }, y: { range: [0, 100] } } } });
    const kinds = s.totals.faults;
    chart(
      'chart-faults',
      [{ label: 'injected', stroke: '#d29922', fill: '#d2992280', paths: bars() }, { label: 'survived', stroke: '#2ea043', fill: '#2ea04380', paths: bars() }],
      [kinds.map((_, i) => i + 1), kinds.map((f) => f.injected), kinds.map((f) => f.survived)],
      { x: 'fault', extra: { axes: [{ stroke: '#8b949e', values: (_u, ticks) => ticks.map((t) => (kinds[t - 1] ? kinds[t - 1].kind : '')) }, { stroke: '#8b949e' }] } },
    );
    // Workers are names (a pool thread, or a queued soak's `nosh worker` host:pid): bars at 1..n, labelled.
    const ws = s.workers.length > 0 ? s.workers : [{ worker: '', missions: 0, campaigns: 0, running: 0 }];
    chart(
      'chart-workers',
      [{ label: 'missions', stroke: '#2f81f7', fill: '#2f81f780', paths: bars() }, { label: 'campaigns', stroke: '#a371f7', fill: '#a371f780', paths: bars() }, { label: 'running', stroke: '#2ea043', fill: '#2ea04380', paths: bars() }],
      [ws.map((_, i) => i + 1), ws.map((w) => w.missions), ws.map((w) => w.campaigns), ws.map((w) => w.running)],
      { x: 'worker', extra: { axes: [{ stroke: '#8b949e', values: (_u, ticks) => ticks.map((t) => (ws[t - 1] ? ws[t - 1].worker : '')) }, { stroke: '#8b949e' }] } },
    );
  }

  function drawViolations(s) {
    const list = $('violation-list');
    $('no-violations').hidden = s.details.length > 0 || s.stoppedEarly.length > 0 || s.failures.length > 0;
    const items = s.details.map((d) => ({ head: `${d.invariant} · seed ${d.seed} · mission ${d.mission} · tick ${d.tick}: ${d.detail}`, replay: d.replay, graph: { seed: d.seed, mission: d.mission } }))
      .concat(s.stoppedEarly.map((d) => ({ head: `stopped early · seed ${d.seed}: ${d.ended}`, replay: d.replay })), s.failures.map((d) => ({ head: `failed · seed ${d.seed}: ${d.error}`, replay: d.replay })));
    if (list.childElementCount === items.length) return;
    list.replaceChildren(...items.map((it) => {
      const li = document.createElement('li');
      li.className = 'violation';
      const head = document.createElement('div');
      head.textContent = it.head;
      const code = document.createElement('code');
      code.className = 'replay';
      code.textContent = it.replay;
      const copy = document.createElement('button');
      copy.className = 'copy';
      copy.textContent = 'copy';
      copy.addEventListener('click', () => navigator.clipboard && navigator.clipboard.writeText(it.replay));
      li.append(head, code, copy);
      // Live only: the graph is replayed by the server, which an exported file has not.
      if (it.graph && !window.NOSH_SNAPSHOT) {
        const draw = document.createElement('button');
        draw.className = 'graph-button';
        draw.textContent = 'graph';
        draw.addEventListener('click', () => drawMissionGraph(it.graph.seed, it.graph.mission));
        li.append(draw);
      }
      return li;
    }));
  }

  /** The seed picker offers the soak's own campaigns, the first one to start with. */
  function pickableSeeds(c) {
    const seed = $('mission-graph-seed');
    seed.min = String(c.seed);
    seed.max = String(c.seed + c.campaigns - 1);
    if (seed.value === '') seed.value = String(c.seed);
  }

  /** A settled mission's task graph from /mission-graph/SEED/N.svg (404 says why, e.g. not settled yet). */
  function drawMissionGraph(seed, mission) {
    $('mission-graph-seed').value = String(seed);
    $('mission-graph-mission').value = String(mission);
    text('mission-graph-status', `replaying seed ${seed} up to mission ${mission}…`);
    fetch(`/mission-graph/${seed}/${mission}.svg`).then((r) => r.text().then((t) => {
      if (!r.ok) return text('mission-graph-status', t.trim());
      $('mission-graph').innerHTML = t;
      $('mission-graph').dataset.drawn = `${seed}/${mission}`;
      text('mission-graph-status', `seed ${seed} · mission ${mission}`);
    })).catch((e) => text('mission-graph-status', String(e)));
  }

  function drawGraph(s, svg) {
    if (svg !== undefined) {
      $('soak-graph').innerHTML = svg;
      return;
    }
    // Live: the server lays the graph out (elkjs); fetched every second at most, and once at the end.
    if (!s.finished && Date.now() - lastGraphAt < 1000) return;
    lastGraphAt = Date.now();
    fetch('/soak-graph.svg').then((r) => r.text()).then((t) => { $('soak-graph').innerHTML = t; }).catch(() => {});
  }

  function render(s, svg) {
    updates++;
    if (!s.finished) liveUpdates++;
    document.body.dataset.liveUpdates = String(liveUpdates);
    document.body.dataset.seq = String(s.seq);
    document.body.dataset.finished = String(s.finished);
    text('updates', updates);
    text('status', s.finished ? (s.interrupted ? 'interrupted: final report' : 'finished: final report') : 'live');
    $('status').className = `status ${s.finished ? 'done' : 'live'}`;
    const c = s.config;
    text('config', `${s.soakId ? `${s.soakId} (queued) · ` : ''}${c.campaigns} campaigns × ${c.missions} missions · ${s.soakId ? `${s.workers.length} nosh worker${s.workers.length === 1 ? '' : 's'} seen` : `${c.workers} workers`} · seeds ${c.seed}–${c.seed + c.campaigns - 1} · faults ${c.faults ? 'on' : 'off'}${c.skimCredit !== null ? ` · skim-credit ${c.skimCredit} (test only)` : ''}`);
    text('campaigns-done', s.campaigns.done);
    text('campaigns-total', s.campaigns.total);
    text('campaigns-running', s.campaigns.running);
    text('campaigns-stopped', s.campaigns.stopped);
    text('campaigns-failed', s.campaigns.failed);
    text('missions', s.missions);
    text('planned-missions', s.plannedMissions);
    text('missions-per-sec', s.missionsPerSec);
    text('eta', s.etaSec === null ? '–' : `${Math.round(s.etaSec)} s`);
    text('violations', s.violations);
    text('hot-swaps', s.totals.hotSwaps);
    text('restarts', s.totals.restarts);
    drawViolations(s);
    drawCharts(s);
    drawGraph(s, svg);
    pickableSeeds(s.config);
    if (s.final) {
      $('final').hidden = false;
      text('final-json', JSON.stringify(s.final));
    }
  }

  $('mission-graph-form').addEventListener('submit', (e) => {
    e.preventDefault();
    drawMissionGraph(Number($('mission-graph-seed').value), Number($('mission-graph-mission').value));
  });
  if (window.NOSH_SNAPSHOT) {
    // An exported report has no server to replay a mission on.
    $('mission-graph-section').hidden = true;
    render(window.NOSH_SNAPSHOT, window.NOSH_SOAK_GRAPH);
    return;
  }
  const events = new EventSource('/events');
  events.addEventListener('state', (e) => {
    const s = JSON.parse(e.data);
    render(s);
    // The soak is over and this is its final report: nothing more will come.
    if (s.finished) events.close();
  });
  events.onerror = () => text('status', 'disconnected (the soak has ended and the dashboard closed?)');
})();
