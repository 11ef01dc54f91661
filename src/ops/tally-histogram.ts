/**
 * A Prometheus histogram kept as plain numbers: observing is a bucket search and three
 * increments. prom-client's own histogram validates and hashes the label set on every
 * observation, even through a `labels()` child, which on the request path cost more than the
 * rest of the bookkeeping; this one resolves a label set to its tally once and keeps it.
 *
 * It renders exactly like prom-client's histogram (`_bucket` with cumulative counts and `le`,
 * `_sum`, `_count`) and registers in a prom-client `Registry` like any metric.
 */
import type { Metric, Registry } from "prom-client";

/** One line of a rendered metric, as prom-client's registry takes it from `get()`. */
export interface MetricLine {
  readonly metricName: string;
  readonly labels: Readonly<Record<string, string | number>>;
  readonly value: number;
}

/** Options of {@link TallyHistogram}. */
export interface TallyHistogramOptions<L extends string> {
  readonly name: string;
  readonly help: string;
  /** Label names, in the order `labels()` takes their values. */
  readonly labelNames: readonly L[];
  /** Upper bounds of the buckets, ascending (`+Inf` is implied). */
  readonly buckets: readonly number[];
  /** Registries to register in. */
  readonly registers: readonly Registry[];
}

/** The observations of one label set. */
export class HistogramTally {
  /** Observations per bucket (not cumulative); the last one is `+Inf`. */
  readonly counts: number[];
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly upperBounds: readonly number[],
  ) {
    this.counts = new Array<number>(upperBounds.length + 1).fill(0);
  }

  reset(): void {
    this.counts.fill(0);
    this.sum = 0;
    this.count = 0;
  }

  /** Counts one observation. */
  observe(value: number): void {
    const bounds = this.upperBounds;
    let bucket = 0;
    while (bucket < bounds.length && value > bounds[bucket]!) bucket++;
    this.counts[bucket]!++;
    this.sum += value;
    this.count++;
  }
}

export class TallyHistogram<L extends string = string> {
  readonly name: string;
  readonly help: string;
  readonly type = "histogram" as const;
  readonly aggregator = "sum" as const;
  readonly #labelNames: readonly L[];
  readonly #upperBounds: readonly number[];
  /** Tallies by their label values joined with a separator that label values never hold. */
  readonly #tallies = new Map<string, HistogramTally>();

  constructor(options: TallyHistogramOptions<L>) {
    this.name = options.name;
    this.help = options.help;
    this.#labelNames = options.labelNames;
    this.#upperBounds = [...options.buckets].sort((a, b) => a - b);
    for (const registry of options.registers)
      // The registry only asks a metric for its name, `get()` and `reset()`.
      registry.registerMetric(this as unknown as Metric);
  }

  /**
   * The tally of one label set, values in `labelNames` order. Look it up once and keep it:
   * the lookup builds a key, observing through the tally does not.
   */
  labels(...values: string[]): HistogramTally {
    if (values.length !== this.#labelNames.length)
      throw new RangeError(`${this.name} takes ${this.#labelNames.length} label values`);
    const key = values.join("\u0000");
    let tally = this.#tallies.get(key);
    if (tally === undefined) {
      const labels: Record<string, string> = {};
      this.#labelNames.forEach((name, index) => (labels[name] = values[index]!));
      tally = new HistogramTally(labels, this.#upperBounds);
      this.#tallies.set(key, tally);
    }
    return tally;
  }

  /** Zeroes every tally in place, so tallies handed out before stay the ones reported. */
  reset(): void {
    for (const tally of this.#tallies.values()) tally.reset();
  }

  /** The values in prom-client's format (what `Registry.metrics()` renders). */
  async get(): Promise<{
    name: string;
    help: string;
    type: "histogram";
    values: MetricLine[];
    aggregator: "sum";
  }> {
    const values: MetricLine[] = [];
    const bucketName = `${this.name}_bucket`;
    for (const tally of this.#tallies.values()) {
      let cumulative = 0;
      this.#upperBounds.forEach((bound, index) => {
        cumulative += tally.counts[index]!;
        values.push({
          metricName: bucketName,
          labels: { le: bound, ...tally.labels },
          value: cumulative,
        });
      });
      values.push(
        { metricName: bucketName, labels: { le: "+Inf", ...tally.labels }, value: tally.count },
        { metricName: `${this.name}_sum`, labels: { ...tally.labels }, value: tally.sum },
        { metricName: `${this.name}_count`, labels: { ...tally.labels }, value: tally.count },
      );
    }
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      values,
      aggregator: this.aggregator,
    };
  }
}
