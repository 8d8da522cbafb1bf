// Rewrites the reference section of docs/operator-scripts.md from the verb table (src/mission-control/operator-verbs.ts),
// the same table (help) reads. Run after `npm run build`: node .ci/operator-doc.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderReference } from '../dist/src/mission-control/operator-verbs.js';
import { replaceGenerated } from '../dist/src/mission-control/operator-doc.js';

const file = fileURLToPath(new URL('../docs/operator-scripts.md', import.meta.url));
writeFileSync(file, replaceGenerated(readFileSync(file, 'utf8'), renderReference()));
