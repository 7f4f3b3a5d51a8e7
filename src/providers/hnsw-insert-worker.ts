/**
 * The insert worker: owns an hnswlib index while a large ingest runs, so graph building (most of an ingest's
 * CPU after embedding) overlaps parsing, embedding and SQLite writes on the main thread. It only ever writes
 * the index to a temporary file the main thread asked for; the main thread renames it into place and writes
 * the sidecar, so crash safety is the same as a save on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';
import { applyIndexOps, type IndexOpBatch } from './hnsw-index-ops.js';
import { syncFile } from './hnsw-index-sidecar.js';
import { SIGNAL_DONE, SIGNAL_READY, type InsertWorkerData, type InsertWorkerReply, type InsertWorkerRequest } from './hnsw-insert-protocol.js';

const data = workerData as InsertWorkerData;
const signal = new Int32Array(data.signal);
const replies: MessagePort = data.replies;
let failure: string | null = null;

const index = new hnswlib.HierarchicalNSW('cosine', data.dimension);
try {
  index.readIndexSync(data.startFrom);
} catch (error) {
  failure = `the insert worker could not read ${data.startFrom}: ${String(error)}`;
}
Atomics.store(signal, SIGNAL_READY, 1);

parentPort?.on('message', (request: InsertWorkerRequest) => {
  if (request.type === 'ops') {
    if (failure !== null) return;
    try {
      applyIndexOps(index, request.batch as IndexOpBatch, data.dimension);
    } catch (error) {
      failure = `the insert worker failed to apply changes: ${String(error)}`;
    }
    return;
  }
  let reply: InsertWorkerReply = { ok: false, message: failure ?? '' };
  if (failure === null) {
    try {
      index.writeIndexSync(request.path);
      syncFile(request.path);
      // The main thread loads the file next: free this copy first (re-initialising drops the old graph).
      index.initIndex({ maxElements: 1 });
      reply = { ok: true };
    } catch (error) {
      reply = { ok: false, message: `the insert worker could not write the index: ${String(error)}` };
    }
  }
  replies.postMessage(reply);
  Atomics.store(signal, SIGNAL_DONE, 1);
  Atomics.notify(signal, SIGNAL_DONE);
});
