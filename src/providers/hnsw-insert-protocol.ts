import type { MessagePort } from 'node:worker_threads';
import type { IndexOpBatch } from './hnsw-index-ops.js';

/** Slots of the shared Int32Array the worker signals through (the main thread blocks on them with Atomics.wait). */
export const SIGNAL_READY = 0;
export const SIGNAL_DONE = 1;

export interface InsertWorkerData {
  dimension: number;
  /** The saved index file the worker starts from (it equals the main thread's index when handed over). */
  startFrom: string;
  /** SharedArrayBuffer of two Int32 slots. */
  signal: SharedArrayBuffer;
  /** Where replies go; the main thread reads them synchronously with receiveMessageOnPort. */
  replies: MessagePort;
}

export type InsertWorkerRequest = { type: 'ops'; batch: IndexOpBatch } | { type: 'write'; path: string };

export type InsertWorkerReply = { ok: true } | { ok: false; message: string };
