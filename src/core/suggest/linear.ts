/**
 * Multinomial (softmax) logistic regression over sparse hashed features,
 * written with typed arrays, trained by AdaGrad. While training, the K
 * weights of a feature and their K squared-gradient sums sit side by side in
 * one Float32Array (one cache line per feature: the cost of an update is
 * memory latency, one miss per feature instead of two); the trained model
 * keeps the weights only (2^bits × K floats, feature-major). An example the
 * model already fits (every class probability within `skipBelow` of its
 * target) is not updated, so later epochs cost little more than predicting.
 * Class 0 is "none". Deterministic: the example order of each epoch comes
 * from a seeded generator (mulberry32). Training is a `Trainer` that runs in
 * steps of a bounded number of updates, so a Web Worker can yield between
 * steps (to take a newer request, or report progress) and a main thread
 * could too.
 */
import type { SparseVector } from './features.ts';

/** Hyper-parameters (defaults in DEFAULT_LINEAR). */
export interface LinearOptions {
  /** log2 of the number of hash buckets. */
  bits: number;
  epochs: number;
  /** AdaGrad's base learning rate. */
  learningRate: number;
  /** No update when every |probability − target| is below this. */
  skipBelow: number;
  seed: number;
}

export const DEFAULT_LINEAR: LinearOptions = {
  bits: 18,
  epochs: 3,
  learningRate: 0.3,
  skipBelow: 0.02,
  seed: 1,
};

/** One training example: features and class (0 = none). */
export interface Example {
  x: SparseVector;
  y: number;
}

/** A trained model: plain data with typed arrays (structured-cloneable, transferable). */
export interface LinearModel {
  /** The label of class k is classes[k]; classes[0] is null (none). */
  classes: (string | null)[];
  bits: number;
  /** weights[feature * K + k]. */
  weights: Float32Array;
  bias: Float32Array;
}

/** A seeded generator (mulberry32): the same seed gives the same numbers. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Class probabilities of `x` into `out` (length K); returns `out`. */
export function predictInto(model: LinearModel, x: SparseVector, out: Float64Array): Float64Array {
  const K = model.classes.length;
  const w = model.weights;
  for (let k = 0; k < K; k++) out[k] = model.bias[k]!;
  for (let i = 0; i < x.idx.length; i++) {
    const base = x.idx[i]! * K;
    const v = x.val[i]!;
    for (let k = 0; k < K; k++) out[k]! += v * w[base + k]!;
  }
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (out[k]! > max) max = out[k]!;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += out[k] = Math.exp(out[k]! - max);
  for (let k = 0; k < K; k++) out[k]! /= sum;
  return out;
}

/** Trains a LinearModel on examples, a bounded number of updates per step. */
export class Trainer {
  private readonly K: number;
  /** Per feature f: weights at f·2K + k, squared-gradient sums at f·2K + K + k. */
  private readonly params: Float32Array;
  private readonly bias: Float32Array;
  private readonly gb: Float32Array;
  private readonly order: Int32Array;
  private readonly random: () => number;
  private readonly p: Float64Array;
  private epoch = 0;
  private pos = 0;
  /** Updates skipped because the example was already fitted. */
  skipped = 0;

  constructor(
    private readonly examples: readonly Example[],
    readonly classes: (string | null)[],
    readonly options: LinearOptions = DEFAULT_LINEAR,
  ) {
    this.K = classes.length;
    this.params = new Float32Array((1 << options.bits) * 2 * this.K);
    this.bias = new Float32Array(this.K);
    this.gb = new Float32Array(this.K);
    this.order = Int32Array.from(examples, (_, i) => i);
    this.random = mulberry32(options.seed);
    this.p = new Float64Array(this.K);
    this.shuffle();
  }

  /** Examples visited so far and in all. */
  get progress(): { done: number; total: number } {
    const n = this.examples.length;
    return { done: this.epoch * n + this.pos, total: this.options.epochs * n };
  }

  /** True when every epoch has run. */
  get finished(): boolean {
    return this.epoch >= this.options.epochs || this.examples.length === 0;
  }

  /** Visits at most `maxExamples` examples; returns `finished`. */
  step(maxExamples = Infinity): boolean {
    let left = maxExamples;
    while (left > 0 && !this.finished) {
      this.update(this.examples[this.order[this.pos]!]!);
      left--;
      if (++this.pos === this.examples.length) {
        this.pos = 0;
        this.epoch++;
        this.shuffle();
      }
    }
    return this.finished;
  }

  /** A copy of the model as trained so far (weights only). */
  model(): LinearModel {
    const K = this.K;
    const D = 1 << this.options.bits;
    const weights = new Float32Array(D * K);
    for (let f = 0; f < D; f++)
      for (let k = 0; k < K; k++) weights[f * K + k] = this.params[f * 2 * K + k]!;
    return {
      classes: [...this.classes],
      bits: this.options.bits,
      weights,
      bias: this.bias.slice(),
    };
  }

  private shuffle(): void {
    const o = this.order;
    for (let i = o.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      const t = o[i]!;
      o[i] = o[j]!;
      o[j] = t;
    }
  }

  private update(ex: Example): void {
    const { K, params: w, bias, gb, p } = this;
    const K2 = 2 * K;
    const lr = this.options.learningRate;
    const { idx, val } = ex.x;
    // Predict (the same softmax as predictInto, over the interleaved weights).
    for (let k = 0; k < K; k++) p[k] = bias[k]!;
    for (let i = 0; i < idx.length; i++) {
      const base = idx[i]! * K2;
      const v = val[i]!;
      for (let k = 0; k < K; k++) p[k]! += v * w[base + k]!;
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (p[k]! > max) max = p[k]!;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += p[k] = Math.exp(p[k]! - max);
    let worst = 0;
    for (let k = 0; k < K; k++) {
      p[k] = p[k]! / sum - (k === ex.y ? 1 : 0); // the gradient of the loss
      worst = Math.max(worst, Math.abs(p[k]!));
    }
    if (worst < this.options.skipBelow) {
      this.skipped++;
      return;
    }
    for (let k = 0; k < K; k++) {
      const g = p[k]!;
      gb[k]! += g * g;
      bias[k]! -= (lr * g) / (Math.sqrt(gb[k]!) + 1e-8);
    }
    for (let i = 0; i < idx.length; i++) {
      const base = idx[i]! * K2;
      const v = val[i]!;
      for (let k = 0; k < K; k++) {
        const g = p[k]! * v;
        const gi = base + K + k;
        w[gi]! += g * g;
        w[base + k]! -= (lr * g) / (Math.sqrt(w[gi]!) + 1e-8);
      }
    }
  }
}
