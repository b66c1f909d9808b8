/**
 * Everything the benchmarks start (child processes, PostgreSQL, Chromium, temp directories) registers
 * its undo here, so a normal end, an error, Ctrl-C or the overall time limit all leave nothing behind.
 */
type Undo = () => Promise<void> | void;

const stack: { name: string; undo: Undo }[] = [];

/** Registers `undo`; returns a function that runs it now (once) and unregisters it. */
export function onCleanup(name: string, undo: Undo): () => Promise<void> {
  const entry = { name, undo };
  stack.push(entry);
  return async () => {
    const index = stack.indexOf(entry);
    if (index === -1) return;
    stack.splice(index, 1);
    await entry.undo();
  };
}

let running: Promise<void> | undefined;

/**
 * Runs every registered undo, newest first; errors are reported, not thrown. Called from several
 * places (the end of the run, Ctrl-C, the time limit), it runs once and every caller waits for it.
 */
export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    while (stack.length > 0) {
      const entry = stack.pop() as { name: string; undo: Undo };
      try {
        await entry.undo();
      } catch (error) {
        console.error(`cleanup of ${entry.name} failed:`, error instanceof Error ? error.message : error);
      }
    }
  })();
  return running;
}

/** Rejects with a clear message when `promise` takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
