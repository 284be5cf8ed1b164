/**
 * The few IndexedDB types idb-page.ts uses. The main process is type-checked
 * without the DOM library (so is src/core, in the same program), yet that
 * one function runs in a page; these structural types describe just what it
 * touches.
 */

export type IdbKey = string | number | Date | ArrayBuffer | ArrayBufferView | IdbKey[];

export interface IdbRequest<T> {
  readonly result: T;
  readonly error: Error | null;
  readonly transaction: IdbTransaction | null;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}

export interface IdbOpenRequest extends IdbRequest<IdbDatabase> {
  onupgradeneeded: ((e: { oldVersion: number }) => void) | null;
}

export interface IdbIndex {
  readonly keyPath: string | string[];
  readonly unique: boolean;
  readonly multiEntry: boolean;
}

export interface IdbObjectStore {
  readonly keyPath: string | string[] | null;
  readonly autoIncrement: boolean;
  readonly indexNames: ArrayLike<string>;
  index(name: string): IdbIndex;
  count(): IdbRequest<number>;
  getAll(query?: unknown, count?: number): IdbRequest<unknown[]>;
  getAllKeys(query?: unknown, count?: number): IdbRequest<IdbKey[]>;
  put(value: unknown, key?: IdbKey): IdbRequest<IdbKey>;
  createIndex(
    name: string,
    keyPath: string | string[],
    options: { unique: boolean; multiEntry: boolean },
  ): IdbIndex;
}

export interface IdbTransaction {
  readonly error: Error | null;
  objectStore(name: string): IdbObjectStore;
  abort(): void;
  oncomplete: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

export interface IdbDatabase {
  readonly version: number;
  readonly objectStoreNames: ArrayLike<string>;
  transaction(
    stores: string | string[],
    mode: 'readonly' | 'readwrite',
    options?: { durability: 'strict' | 'relaxed' | 'default' },
  ): IdbTransaction;
  createObjectStore(
    name: string,
    options: { keyPath: string | string[] | null; autoIncrement: boolean },
  ): IdbObjectStore;
  close(): void;
}

export interface IdbFactory {
  open(name: string, version?: number): IdbOpenRequest;
  deleteDatabase(name: string): IdbRequest<undefined>;
  databases(): Promise<{ name?: string; version?: number }[]>;
}

/** The globals of a page that idb-page.ts uses. */
export interface IdbGlobals {
  indexedDB: IdbFactory;
  IDBKeyRange: { lowerBound(key: unknown, open: boolean): unknown };
}
