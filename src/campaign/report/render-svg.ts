import * as vega from 'vega';
import { type TopLevelSpec, compile } from 'vega-lite';

/** vega-lite → vega → SVG in Node: no browser, no canvas. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile({ ...spec, config: { font: 'sans-serif', ...(spec.config ?? {}) } } as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return `${await view.toSVG()}\n`;
  } finally {
    view.finalize();
  }
}
