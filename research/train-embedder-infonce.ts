/**
 * Contrastive fine-tuning of a static embedding table, in plain TypeScript (no autograd needed: a text's
 * semantic vector is the normalised sum of its pieces' rows, whose gradient is simple).
 *
 *   v(text) = s / |s|,  s = Σ count(piece) · row(piece)
 *   sim(q, p) = α · v(q)·v(p) + (1 − α) · words(q)·words(p)      (the shipped 768-d cosine; words are fixed)
 *   loss = InfoNCE over the batch (each query's own passage against the other passages, and back), temperature τ
 *
 * Rows move with sparse Adam (only the rows of pieces in the batch), plus an L2 pull towards the distilled
 * start so pieces seen in few pairs keep the teacher's meaning.
 */

/** A tokenized text as distinct piece ids with their counts. */
export interface PieceCounts {
  ids: Int32Array;
  counts: Float32Array;
}

/** The word-overlap channel of a text as a sparse unit vector (fixed during training). */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Extra negative-only passages of a batch (see {@link StaticTableTrainer.trainBatch}). */
export interface HardNegatives {
  passages: PieceCounts[];
  groups: readonly string[];
  /** wordSimilarity[i·E + e]: fixed word cosine of query i and negative e. */
  wordSimilarity: Float32Array;
}

export interface TrainerSettings {
  learningRate: number;
  /** Softmax temperature τ: 0.05 is the sentence-transformers default (scale 20). */
  temperature: number;
  /** α: share of the cosine carried by the trained semantic part (1 − the word channel's weight). */
  semanticWeight: number;
  /** L2 pull of every touched row towards its distilled value. */
  anchor: number;
  /** Also score each passage against all queries (the symmetric InfoNCE of CLIP). */
  symmetric: boolean;
}

/** Counts of each distinct piece id. */
export function pieceCounts(ids: readonly number[]): PieceCounts {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const sorted = [...counts.keys()].sort((a, b) => a - b);
  return { ids: Int32Array.from(sorted), counts: Float32Array.from(sorted.map((id) => counts.get(id) ?? 0)) };
}

/** The non-zero entries of a dense vector. */
export function sparse(vector: Float32Array): SparseVector {
  const indices: number[] = [];
  vector.forEach((value, index) => {
    if (value !== 0) indices.push(index);
  });
  return { indices: Int32Array.from(indices), values: Float32Array.from(indices.map((index) => vector[index] as number)) };
}

export function sparseDot(left: SparseVector, right: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < left.indices.length && j < right.indices.length) {
    const a = left.indices[i] as number;
    const b = right.indices[j] as number;
    if (a === b) sum += (left.values[i++] as number) * (right.values[j++] as number);
    else if (a < b) i++;
    else j++;
  }
  return sum;
}

export class StaticTableTrainer {
  /** The table being trained: row r is rows[r·dimensions … (r+1)·dimensions). */
  readonly rows: Float32Array;
  readonly #initial: Float32Array;
  readonly #gradient: Float32Array;
  readonly #firstMoment: Float32Array;
  readonly #secondMoment: Float32Array;
  #step = 0;

  constructor(
    initialRows: Float32Array,
    readonly dimensions: number,
    readonly settings: TrainerSettings,
  ) {
    this.rows = Float32Array.from(initialRows);
    this.#initial = Float32Array.from(initialRows);
    this.#gradient = new Float32Array(initialRows.length);
    this.#firstMoment = new Float32Array(initialRows.length);
    this.#secondMoment = new Float32Array(initialRows.length);
  }

  /** Writes the unit semantic vector of `text` into `out`; returns |s| (0 when the text has no known piece). */
  embed(text: PieceCounts, out: Float32Array): number {
    const d = this.dimensions;
    out.fill(0);
    for (let k = 0; k < text.ids.length; k++) {
      const offset = (text.ids[k] as number) * d;
      const count = text.counts[k] as number;
      for (let i = 0; i < d; i++) out[i] = (out[i] as number) + count * (this.rows[offset + i] as number);
    }
    let norm = 0;
    for (let i = 0; i < d; i++) norm += (out[i] as number) ** 2;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < d; i++) out[i] = (out[i] as number) / norm;
    return norm;
  }

  /**
   * One optimisation step on a batch of (query, passage) pairs; `wordSimilarity[i·B + j]` is the fixed word
   * cosine of query i and passage j, `groups` marks pairs whose passages must not be negatives of each other.
   * `hardNegatives` adds passages that are only negatives (mined, e.g. with BM25): they join each query's
   * softmax (unless they share its group) but are no anchor of their own. Returns the batch loss.
   */
  trainBatch(queries: PieceCounts[], passages: PieceCounts[], wordSimilarity: Float32Array, groups: readonly string[], hardNegatives?: HardNegatives): number {
    const { temperature, semanticWeight, symmetric } = this.settings;
    const size = queries.length;
    const extra = hardNegatives?.passages.length ?? 0;
    const columns = size + extra;
    const d = this.dimensions;
    const columnTexts = hardNegatives ? passages.concat(hardNegatives.passages) : passages;
    const columnGroups = hardNegatives ? groups.concat(hardNegatives.groups) : groups;
    const queryVectors = queries.map(() => new Float32Array(d));
    const passageVectors = columnTexts.map(() => new Float32Array(d));
    const queryNorms = queries.map((text, i) => this.embed(text, queryVectors[i] as Float32Array));
    const passageNorms = columnTexts.map((text, j) => this.embed(text, passageVectors[j] as Float32Array));
    const wordAt = (i: number, j: number): number =>
      j < size ? (wordSimilarity[i * size + j] as number) : ((hardNegatives?.wordSimilarity[i * extra + (j - size)] ?? 0) as number);

    const logits = new Float64Array(size * columns);
    const masked = new Uint8Array(size * columns);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < columns; j++) {
        if (i !== j && groups[i] === columnGroups[j]) masked[i * columns + j] = 1;
        let semantic = 0;
        const q = queryVectors[i] as Float32Array;
        const p = passageVectors[j] as Float32Array;
        for (let t = 0; t < d; t++) semantic += (q[t] as number) * (p[t] as number);
        logits[i * columns + j] = (semanticWeight * semantic + (1 - semanticWeight) * wordAt(i, j)) / temperature;
      }
    }
    // d loss / d logit, accumulated from the query → passage rows and (symmetric) the passage → query columns.
    const gradientLogits = new Float64Array(size * columns);
    const share = symmetric ? 0.5 : 1;
    let loss = 0;
    const softmaxInto = (anchors: number, candidates: number, indexOf: (a: number, b: number) => number): void => {
      for (let a = 0; a < anchors; a++) {
        let max = Number.NEGATIVE_INFINITY;
        for (let b = 0; b < candidates; b++) if (!masked[indexOf(a, b)]) max = Math.max(max, logits[indexOf(a, b)] as number);
        let total = 0;
        for (let b = 0; b < candidates; b++) if (!masked[indexOf(a, b)]) total += Math.exp((logits[indexOf(a, b)] as number) - max);
        loss += (share * (Math.log(total) + max - (logits[indexOf(a, a)] as number))) / size;
        for (let b = 0; b < candidates; b++) {
          const index = indexOf(a, b);
          if (masked[index]) continue;
          const probability = Math.exp((logits[index] as number) - max) / total;
          gradientLogits[index] = (gradientLogits[index] as number) + (share * (probability - (a === b ? 1 : 0))) / size;
        }
      }
    };
    softmaxInto(size, columns, (a, b) => a * columns + b);
    if (symmetric) softmaxInto(size, size, (a, b) => b * columns + a);

    // Back through the cosine (only the semantic part is trained) and the normalisation, into the rows.
    const touched = new Set<number>();
    const scale = semanticWeight / temperature;
    const direction = new Float32Array(d);
    const backward = (text: PieceCounts, vector: Float32Array, norm: number, others: Float32Array[], weightOf: (other: number) => number): void => {
      if (norm === 0) return;
      direction.fill(0);
      others.forEach((other, index) => {
        const weight = weightOf(index) * scale;
        if (weight === 0) return;
        for (let t = 0; t < d; t++) direction[t] = (direction[t] as number) + weight * (other[t] as number);
      });
      let along = 0;
      for (let t = 0; t < d; t++) along += (direction[t] as number) * (vector[t] as number);
      for (let t = 0; t < d; t++) direction[t] = ((direction[t] as number) - along * (vector[t] as number)) / norm;
      for (let k = 0; k < text.ids.length; k++) {
        const id = text.ids[k] as number;
        const count = text.counts[k] as number;
        touched.add(id);
        const offset = id * d;
        for (let t = 0; t < d; t++) this.#gradient[offset + t] = (this.#gradient[offset + t] as number) + count * (direction[t] as number);
      }
    };
    queries.forEach((text, i) => backward(text, queryVectors[i] as Float32Array, queryNorms[i] as number, passageVectors, (j) => gradientLogits[i * columns + j] as number));
    columnTexts.forEach((text, j) => backward(text, passageVectors[j] as Float32Array, passageNorms[j] as number, queryVectors, (i) => gradientLogits[i * columns + j] as number));
    this.#adam([...touched].sort((a, b) => a - b));
    return loss;
  }

  /** Sparse Adam on the touched rows (with the anchor term), then clears their gradient. */
  #adam(rowIds: number[]): void {
    const { learningRate, anchor } = this.settings;
    const beta1 = 0.9;
    const beta2 = 0.999;
    this.#step++;
    const correction1 = 1 - beta1 ** this.#step;
    const correction2 = 1 - beta2 ** this.#step;
    const d = this.dimensions;
    for (const id of rowIds) {
      for (let index = id * d; index < (id + 1) * d; index++) {
        const gradient = (this.#gradient[index] as number) + anchor * ((this.rows[index] as number) - (this.#initial[index] as number));
        const m = beta1 * (this.#firstMoment[index] as number) + (1 - beta1) * gradient;
        const v = beta2 * (this.#secondMoment[index] as number) + (1 - beta2) * gradient * gradient;
        this.#firstMoment[index] = m;
        this.#secondMoment[index] = v;
        this.rows[index] = (this.rows[index] as number) - (learningRate * (m / correction1)) / (Math.sqrt(v / correction2) + 1e-8);
        this.#gradient[index] = 0;
      }
    }
  }
}
