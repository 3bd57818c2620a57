// Lab test files may run at the same time (node --test runs files in parallel); the one that runs
// `lab down --all` must not remove another file's lab. Each root lab test holds this lock while it
// has a lab up. A lock whose holder is gone is taken over.
import { open, readFile, rm } from 'node:fs/promises';

const LOCK = '/run/netwarden-lab-tests.lock';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function acquireLabLock(): Promise<() => Promise<void>> {
  for (;;) {
    try {
      const file = await open(LOCK, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return () => rm(LOCK, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(LOCK, 'utf8').catch(() => ''));
      if (!Number.isInteger(holder) || holder <= 0 || !running(holder)) await rm(LOCK, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
