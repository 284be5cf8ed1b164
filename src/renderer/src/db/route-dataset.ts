/**
 * Where dataset files (.jsonl, .json) dropped or opened with articles go.
 * The dataset import (dataset-import.ts) is wired in here; until it is,
 * a dataset gets a clear message instead of being read as an article.
 */
import type { HostFile } from '@core/host-contract.ts';

export interface DatasetRouteResult {
  ok: boolean;
  /** What happened, for the import report. */
  message: string;
}

/** Imports a dataset file, or explains why it was not imported. */
export async function routeDataset(_file: HostFile): Promise<DatasetRouteResult> {
  return { ok: false, message: 'dataset import is not available yet' };
}
