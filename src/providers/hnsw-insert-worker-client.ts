import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { StorydeskError } from '../core/errors.js';
import type { IndexOpBatch } from './hnsw-index-ops.js';
import { SIGNAL_DONE, SIGNAL_READY, type InsertWorkerData, type InsertWorkerReply, type InsertWorkerRequest } from './hnsw-insert-protocol.js';

/** How long a worker may take to start before a wait on it gives up (it normally starts in well under a second). */
const startTimeoutMs = 60_000;

/** The main thread's handle on the insert worker (see hnsw-insert-worker.ts). */
export class InsertWorker {
  readonly #worker: Worker;
  readonly #signal: Int32Array;
  readonly #replies: MessageChannel;
  readonly #started = Date.now();
  #failure: string | null = null;

  private constructor(worker: Worker, signal: Int32Array, replies: MessageChannel) {
    this.#worker = worker;
    this.#signal = signal;
    this.#replies = replies;
    worker.on('error', (error) => {
      this.#failure = `the insert worker stopped: ${error.message}`;
    });
    // Never keeps the process alive; a process that exits without saving leaves SQLite to rebuild the index from.
    worker.unref();
  }

  /** Starts a worker whose index is read from the saved file `startFrom`. */
  static start(dimension: number, startFrom: string): InsertWorker {
    const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    const replies = new MessageChannel();
    const data: InsertWorkerData = { dimension, startFrom, signal: shared, replies: replies.port2 };
    // Run from TypeScript sources (tsx, vitest), the worker registers tsx itself: Node 20 does not run
    // `--import` hooks in worker threads.
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(fromSource ? './hnsw-insert-worker.ts' : './hnsw-insert-worker.js', import.meta.url);
    const options = { workerData: data, transferList: [replies.port2] };
    const worker = fromSource
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`, { ...options, eval: true })
      : new Worker(url, options);
    return new InsertWorker(worker, new Int32Array(shared), replies);
  }

  /** Hands a batch of changes over (its buffers move to the worker). */
  post(batch: IndexOpBatch): void {
    const request: InsertWorkerRequest = { type: 'ops', batch };
    this.#worker.postMessage(request, [batch.kinds.buffer, batch.labels.buffer, batch.vectors.buffer]);
  }

  /** Blocks until the worker has applied every change posted and written its index to `path` (fsynced). */
  writeTo(path: string): void {
    Atomics.store(this.#signal, SIGNAL_DONE, 0);
    const request: InsertWorkerRequest = { type: 'write', path };
    this.#worker.postMessage(request);
    for (;;) {
      if (this.#failure !== null) throw new StorydeskError('INDEX_WORKER_FAILED', this.#failure);
      if (Atomics.wait(this.#signal, SIGNAL_DONE, 0, 1000) !== 'timed-out') break;
      if (Atomics.load(this.#signal, SIGNAL_READY) === 0 && Date.now() - this.#started > startTimeoutMs) {
        throw new StorydeskError('INDEX_WORKER_FAILED', 'The vector index insert worker did not start.');
      }
    }
    const reply = receiveMessageOnPort(this.#replies.port1)?.message as InsertWorkerReply | undefined;
    if (reply === undefined || !reply.ok) {
      throw new StorydeskError('INDEX_WORKER_FAILED', `Could not save the vector index: ${reply?.ok === false ? reply.message : 'no reply from the insert worker'}.`);
    }
  }

  stop(): void {
    void this.#worker.terminate();
    this.#replies.port1.close();
  }
}
