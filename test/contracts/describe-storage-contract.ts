import { describeArticleStoreContract } from './article-store.contract.js';
import { describeClaimStoreContract } from './claim-store.contract.js';
import { describeCoordinationContract } from './coordination.contract.js';
import { describeFeedStateStoreContract } from './feed-state-store.contract.js';
import type { StorageFactory } from './storage-factory.js';
import { describeStoryStoreContract } from './story-store.contract.js';
import { describeSubscriptionStoreContract } from './subscription-store.contract.js';
import { describeVectorIndexContract } from './vector-index.contract.js';

export type { StorageFactory };

/** Every port's contract suite, for one backend: what a new backend must pass (LangChain's standard tests idea). */
export function describeStorageContract(factory: StorageFactory): void {
  describeArticleStoreContract(factory);
  describeVectorIndexContract(factory);
  describeStoryStoreContract(factory);
  describeSubscriptionStoreContract(factory);
  describeClaimStoreContract(factory);
  describeFeedStateStoreContract(factory);
  describeCoordinationContract(factory);
}
