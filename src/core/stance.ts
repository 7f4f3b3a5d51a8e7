/** The Fake News Challenge (FNC-1) stance scheme. */
export type Stance = 'agree' | 'disagree' | 'discuss' | 'unrelated';

export interface StancePair {
  claim: string;
  text: string;
}

/** Decides how a text stands towards a claim. */
export interface StanceClassifier {
  readonly id: string;
  classify(pairs: StancePair[]): Promise<Stance[]>;
}
