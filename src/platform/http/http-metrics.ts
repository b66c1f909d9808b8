/**
 * Request counts and durations by route, kept as plain numbers per (method, route, status) and
 * written in Prometheus' text format only when /metrics is read. prom-client hashes and validates
 * labels on every observation, which cost more per request than the rest of the pipeline.
 */
const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

interface Series {
  method: string;
  route: string;
  status: number;
  count: number;
  sum: number;
  /** Observations per bucket (not cumulative); the last slot is +Inf. */
  buckets: number[];
}

const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export class HttpMetrics {
  private readonly series = new Map<string, Series>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let s = this.series.get(key);
    if (!s) {
      s = { method, route, status, count: 0, sum: 0, buckets: new Array<number>(BUCKETS.length + 1).fill(0) };
      this.series.set(key, s);
    }
    s.count++;
    s.sum += seconds;
    let i = 0;
    while (i < BUCKETS.length && seconds > (BUCKETS[i] as number)) i++;
    (s.buckets[i] as number)++;
  }

  /** The metrics in Prometheus text exposition format. */
  render(): string {
    const lines = [
      '# HELP lotsa_http_requests_total HTTP requests answered, by route and status',
      '# TYPE lotsa_http_requests_total counter',
    ];
    for (const s of this.series.values()) {
      lines.push(
        `lotsa_http_requests_total{method="${s.method}",route="${escape(s.route)}",status="${s.status}"} ${s.count}`,
      );
    }
    lines.push(
      '# HELP lotsa_http_request_duration_seconds Time to answer an HTTP request',
      '# TYPE lotsa_http_request_duration_seconds histogram',
    );
    for (const s of this.series.values()) {
      const labels = `method="${s.method}",route="${escape(s.route)}",status="${s.status}"`;
      let cumulative = 0;
      BUCKETS.forEach((le, i) => {
        cumulative += s.buckets[i] as number;
        lines.push(`lotsa_http_request_duration_seconds_bucket{${labels},le="${le}"} ${cumulative}`);
      });
      lines.push(`lotsa_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${s.count}`);
      lines.push(`lotsa_http_request_duration_seconds_sum{${labels}} ${s.sum}`);
      lines.push(`lotsa_http_request_duration_seconds_count{${labels}} ${s.count}`);
    }
    return lines.join('\n') + '\n';
  }
}
