/**
 * A small Prometheus registry: counters, gauges read at scrape time, histograms; rendered in the
 * text exposition format 0.0.4. Hand-written rather than prom-client: Relais needs these three
 * kinds and nothing else (docs/operations.md says why).
 */
export type Labels = Readonly<Record<string, string>>;

/**
 * The values each label of a series may take. A request never chooses a label: a value outside
 * the set is written `other`, so a series has a bounded number of label sets whatever is sent.
 * A label the series did not declare is a programming error (thrown).
 */
export type LabelValues = Readonly<Record<string, readonly string[] | (() => readonly string[])>>;
export const OTHER = 'other';

type Declared = ReadonlyMap<string, () => ReadonlySet<string>>;

/** The labels with every value checked against the declared sets. */
function bounded(series: string, declared: Declared, labels: Labels): Labels {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    const allowed = declared.get(key);
    if (!allowed) throw new Error(`metric ${series} has no label ${key}`);
    out[key] = allowed().has(value) ? value : OTHER;
  }
  return out;
}

/** A set given as a function is read once, at the first sample (the server's routes: all mounted by then). */
function declare(values: LabelValues): Declared {
  return new Map(
    Object.entries(values).map(([key, rule]) => {
      let set: ReadonlySet<string> | undefined;
      const read = () => (set ??= new Set([...(typeof rule === 'function' ? rule() : rule), OTHER]));
      return [key, read] as const;
    }),
  );
}

interface Series {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  /** Sample lines, without HELP/TYPE. */
  samples(): Promise<readonly string[]> | readonly string[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '';
  return `{${keys.map((k) => `${k}="${escapeLabel(labels[k] ?? '')}"`).join(',')}}`;
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

export class Counter {
  private readonly values = new Map<string, number>();
  private readonly declared: Declared;
  constructor(
    readonly name: string,
    labelValues: LabelValues = {},
  ) {
    this.declared = declare(labelValues);
  }

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(bounded(this.name, this.declared, labels));
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  /** The current value (tests and the bench read it). */
  get(labels: Labels = {}): number {
    return this.values.get(labelText(bounded(this.name, this.declared, labels))) ?? 0;
  }

  samples(): string[] {
    return [...this.values].map(([labels, v]) => `${this.name}${labels} ${numberText(v)}`);
  }
}

export class Histogram {
  private readonly series = new Map<
    string,
    { counts: number[]; sum: number; count: number; labels: Labels }
  >();
  private readonly declared: Declared;
  constructor(
    readonly name: string,
    private readonly buckets: readonly number[],
    labelValues: LabelValues = {},
  ) {
    this.declared = declare(labelValues);
  }

  observe(value: number, rawLabels: Labels = {}): void {
    const labels = bounded(this.name, this.declared, rawLabels);
    const key = labelText(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { counts: this.buckets.map(() => 0), sum: 0, count: 0, labels };
      this.series.set(key, s);
    }
    this.buckets.forEach((bound, i) => {
      if (value <= bound) s.counts[i] = (s.counts[i] ?? 0) + 1;
    });
    s.sum += value;
    s.count += 1;
  }

  samples(): string[] {
    const out: string[] = [];
    for (const s of this.series.values()) {
      this.buckets.forEach((bound, i) => {
        const labels = labelText({ ...s.labels, le: numberText(bound) });
        out.push(`${this.name}_bucket${labels} ${s.counts[i] ?? 0}`);
      });
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${numberText(s.sum)}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return out;
  }
}

/** A gauge whose values are read when Prometheus scrapes (queue lengths, process memory). */
export type GaugeReader = () =>
  Promise<readonly (readonly [Labels, number])[]> | readonly (readonly [Labels, number])[];

export class Registry {
  private readonly all: Series[] = [];

  counter(name: string, help: string, labelValues: LabelValues = {}): Counter {
    const counter = new Counter(this.checked(name), labelValues);
    this.all.push({ name, help, type: 'counter', samples: () => counter.samples() });
    return counter;
  }

  histogram(
    name: string,
    help: string,
    buckets: readonly number[],
    labelValues: LabelValues = {},
  ): Histogram {
    const histogram = new Histogram(
      this.checked(name),
      [...buckets].sort((a, b) => a - b),
      labelValues,
    );
    this.all.push({ name, help, type: 'histogram', samples: () => histogram.samples() });
    return histogram;
  }

  /**
   * Values read at scrape time; `type` counter for totals kept elsewhere (CPU seconds). Readings
   * whose labels fall in `other` are added up into one sample.
   */
  gauge(
    name: string,
    help: string,
    read: GaugeReader,
    type: 'gauge' | 'counter' = 'gauge',
    labelValues: LabelValues = {},
  ): void {
    this.checked(name);
    const declared = declare(labelValues);
    this.all.push({
      name,
      help,
      type,
      samples: async () => {
        const summed = new Map<string, number>();
        for (const [labels, v] of await read()) {
          const key = labelText(bounded(name, declared, labels));
          summed.set(key, (summed.get(key) ?? 0) + v);
        }
        return [...summed].map(([labels, v]) => `${name}${labels} ${numberText(v)}`);
      },
    });
  }

  /** The whole exposition; a gauge whose reader fails is left out (its error is returned). */
  async render(): Promise<{ text: string; failed: readonly { name: string; cause: unknown }[] }> {
    const lines: string[] = [];
    const failed: { name: string; cause: unknown }[] = [];
    for (const series of this.all) {
      let samples: readonly string[];
      try {
        samples = await series.samples();
      } catch (cause) {
        failed.push({ name: series.name, cause });
        continue;
      }
      lines.push(`# HELP ${series.name} ${series.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
      lines.push(`# TYPE ${series.name} ${series.type}`);
      lines.push(...samples);
    }
    return { text: `${lines.join('\n')}\n`, failed };
  }

  private checked(name: string): string {
    if (!NAME.test(name)) throw new Error(`invalid metric name ${name}`);
    if (this.all.some((s) => s.name === name)) throw new Error(`metric ${name} registered twice`);
    return name;
  }
}
