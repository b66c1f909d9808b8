/**
 * The attacker of part search-flood, in a process of its own: 60 autocannon connections from one
 * client address send a fresh crafted search in every request. Takes `{ port, seconds, endings }` as
 * JSON in argv[2] and prints its figures as JSON on stdout.
 */
import autocannon from 'autocannon';
import { craftedUrls, FLOOD_CONNECTIONS, tally, type FloodFigures } from './search-flood.ts';

const { port, seconds, endings } = JSON.parse(process.argv[2] ?? '{}') as {
  port: number;
  seconds: number;
  endings: string[];
};
const nextCrafted = craftedUrls(endings);
let crafted = 0;
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: FLOOD_CONNECTIONS,
  duration: seconds,
  timeout: 30,
  headers: {
    host: `localhost:${port}`,
    accept: 'text/html',
    'accept-encoding': 'br, gzip',
    'x-forwarded-for': '10.66.0.1',
  },
  requests: [
    {
      method: 'GET',
      setupRequest: (request) => {
        crafted++;
        return { ...request, path: nextCrafted() };
      },
    },
  ],
});
const figures: FloodFigures & { crafted: number } = {
  requests: result.requests.total,
  rps: Math.round(result.requests.total / result.duration),
  p50: result.latency.p50,
  p99: result.latency.p99,
  statuses: tally(result),
  crafted,
};
process.stdout.write(JSON.stringify(figures));
