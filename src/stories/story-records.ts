/** The story records are core types (the story store port speaks them); re-exported for the story code. */
export type * from '../core/story.js';
