/** One scrape of /metrics, parsed: `name{a="x",b="y"}` (labels sorted, as Relais prints them) → value. */
export type Samples = ReadonlyMap<string, number>;

export async function scrape(
  url: string,
  token?: string,
): Promise<{ status: number; type: string | null; samples: Samples; text: string }> {
  const res = await fetch(`${url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const text = await res.text();
  const samples = new Map<string, number>();
  if (res.status === 200) {
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const space = line.lastIndexOf(' ');
      samples.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }
  return { status: res.status, type: res.headers.get('content-type'), samples, text };
}

/** The value of a sample, 0 when the series has not appeared yet (Prometheus' view of a new counter). */
export function value(samples: Samples, series: string): number {
  return samples.get(series) ?? 0;
}
