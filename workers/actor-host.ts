import { runActorHostWorker } from '../src/runtime/hosts/worker-main.js';

runActorHostWorker();
