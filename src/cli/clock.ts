import type { Clock } from './io.js';

/** The real clock, for bin/netwarden.ts. Its timers never keep the process alive. */
export const systemClock: Clock = {
  now: () => performance.now(),
  schedule: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
