/** What every benchmark section gets from bench/main.ts. */
export interface BenchContext {
  /** Origin serving the web build at `/` and the bench pages at `/__bench/`. */
  origin: string;
  /** Fewer runs and smaller sizes, to check the harness quickly. */
  quick: boolean;
  log(message: string): void;
}
