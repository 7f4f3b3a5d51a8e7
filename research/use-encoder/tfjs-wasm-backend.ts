import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);
let ready: Promise<string> | undefined;

/**
 * Selects TensorFlow.js's wasm backend (SIMD when the runtime supports it) once per process. The .wasm
 * binaries ship inside @tensorflow/tfjs-backend-wasm; pointing setWasmPaths at them avoids the CDN default.
 * Resolves to the active backend name.
 */
export function useWasmBackend(): Promise<string> {
  ready ??= (async () => {
    const binary = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm');
    setWasmPaths(`${path.dirname(binary)}${path.sep}`);
    if (!(await tf.setBackend('wasm'))) throw new Error('TensorFlow.js could not start its wasm backend');
    await tf.ready();
    return tf.getBackend();
  })();
  return ready;
}
