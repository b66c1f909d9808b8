/**
 * What every benchmark server answers over IPC: `{ cpu: true }` → its CPU time so far (µs), and
 * `{ profile: 'start' }` / `{ profile: 'stop', file }` → a V8 CPU profile of just the work in between.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export function answerIpc(): void {
  const session = new Session();
  process.on('message', (message: { cpu?: boolean; profile?: 'start' | 'stop'; file?: string }) => {
    const step = async () => {
      if (message.cpu) {
        const { user, system } = process.cpuUsage();
        process.send?.({ cpu: user + system });
      } else if (message.profile === 'start') {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 100 });
        await session.post('Profiler.start');
        process.send?.({ profiling: true });
      } else if (message.profile === 'stop' && message.file) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(message.file, JSON.stringify(profile));
        session.disconnect();
        process.send?.({ profiled: message.file });
      }
    };
    step().catch((error: unknown) => process.send?.({ error: String(error) }));
  });
}

/** Reports the listening port to the runner and exits when the runner goes away. */
export function ready(port: number, stop: () => void): void {
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  answerIpc();
  process.send?.({ ready: port });
}
