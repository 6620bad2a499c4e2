/**
 * Remembering data on this device: only when the user ticks "remember on this device" is the current data
 * (example name or file bytes) kept in IndexedDB, in this browser only; "forget" deletes the whole database.
 */
import type { ExampleName } from '../state/state.js';
import type { NamedBytes } from '../worker/protocol.js';

export const STORAGE_DB = 'mycorrhiza-viewer';
const STORE = 'data';
const KEY = 'current';

/** What is remembered. */
export type RememberedData = { kind: 'example'; name: ExampleName } | { kind: 'files'; files: NamedBytes[] };
export type Remembered = RememberedData & { savedAt: string };

function idb(): IDBFactory | null {
  return typeof indexedDB === 'undefined' ? null : indexedDB;
}

function open(): Promise<IDBDatabase | null> {
  const factory = idb();
  if (!factory) return Promise.resolve(null);
  return new Promise((resolve) => {
    const req = factory.open(STORAGE_DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
  });
}

function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  return open().then(
    (db) =>
      new Promise<T | null>((resolve) => {
        if (!db) return resolve(null);
        const tx = db.transaction(STORE, mode);
        const req = fn(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result ?? null);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          resolve(null);
        };
      }),
  );
}

/** Keep the data on this device. */
export async function remember(data: RememberedData): Promise<void> {
  const value = { ...data, savedAt: new Date().toISOString() } as Remembered;
  await run('readwrite', (s) => s.put(value, KEY));
}

/** The remembered data, or null. Opening never creates the database when there is none. */
export async function recall(): Promise<Remembered | null> {
  const factory = idb();
  if (!factory) return null;
  if ('databases' in factory) {
    const dbs = await factory.databases();
    if (!dbs.some((d) => d.name === STORAGE_DB)) return null;
  }
  return (await run<Remembered>('readonly', (s) => s.get(KEY) as IDBRequest<Remembered>)) ?? null;
}

/** Delete everything this viewer kept on this device. */
export function forget(): Promise<void> {
  const factory = idb();
  if (!factory) return Promise.resolve();
  return new Promise((resolve) => {
    const req = factory.deleteDatabase(STORAGE_DB);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}
