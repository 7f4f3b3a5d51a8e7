import type { StoryHead, StoryMembership, StoryRecord } from './story.js';

/** When a member's row was written: what clustering compares to skip rewriting unchanged rows. */
export interface MemberStamp {
  storyId: string;
  contentHash: string;
  assignedAt: string;
}

/** Writes applied together by `StoryStore.apply`, in this order: removals, deletions, saves, assignments. */
export interface StoryChanges {
  /** Articles taken out of their stories. */
  removedArticles?: string[];
  /** Stories deleted with their memberships. */
  deletedStories?: string[];
  /** Stories inserted or replaced. */
  savedStories?: StoryRecord[];
  /** Memberships inserted or replaced (moving an article that was elsewhere); their stories must exist. */
  assigned?: StoryMembership[];
}

/** Stories and which article belongs to which. Every method returns a promise, even on SQLite. */
export interface StoryStore {
  getStory(id: string): Promise<StoryRecord | null>;
  /** Every story without centroid and entities, most recently active first (undated last), then by creation and id. */
  listStoryHeads(): Promise<StoryHead[]>;
  /** Every membership, oldest first (by seen date, then article id), a page at a time: how clustering state is loaded. */
  scanMemberships(): AsyncIterable<StoryMembership>;
  /** The articles of a story, oldest first (by seen date, then article id). */
  listMembers(storyId: string): Promise<StoryMembership[]>;
  /** The stamps of the rows of these articles that are stored (articles without a row are absent). */
  memberStamps(articleIds: string[]): Promise<Map<string, MemberStamp>>;
  /** Article id → story id for every assigned article. */
  storyIdsByArticle(): Promise<Map<string, string>>;
  /** Article id → the content hash it was clustered with, for spotting changed articles. */
  contentHashesByArticle(): Promise<Map<string, string>>;
  /** Story id → its article ids, oldest first. */
  articleIdsByStory(): Promise<Map<string, string[]>>;
  /** Applies the changes in one transaction: all of them are stored or none. */
  apply(changes: StoryChanges): Promise<void>;
}
