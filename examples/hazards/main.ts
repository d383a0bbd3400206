// Hazard 2, part 2 (seed 002 task 5): the entry point shuts down through the dispatcher's
// private executor, skipping `stop()` — new work is still accepted while the pool is gone.
import { dispatcher } from './dispatcher.js';

process.once('SIGTERM', () => {
  const dropped = dispatcher._executor.shutdown();
  console.log(`shut down, ${dropped} pending task(s) dropped`);
});
