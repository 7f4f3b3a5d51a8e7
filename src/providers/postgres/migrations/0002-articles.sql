-- Articles, passages, their vectors, the embedding cache and full-text search: the data of the SQLite article
-- store (src/providers/sqlite-schema.ts), laid out for PostgreSQL + pgvector.

-- The embedder the stored vectors were made with: one row at most.
CREATE TABLE article_embedder (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  embedder_id text NOT NULL,
  dimension integer NOT NULL CHECK (dimension > 0)
);

-- Dates stay text, as ingested (ISO 8601, sometimes a bare date): filters compare their prefixes byte-wise
-- (COLLATE "C"), exactly as SQLite does, and an article reads back exactly as it was stored.
CREATE TABLE articles (
  id text PRIMARY KEY,
  title text NOT NULL,
  title_derived boolean NOT NULL,
  body text NOT NULL,
  source text,
  url text,
  published text COLLATE "C",
  author text,
  origin text NOT NULL,
  origin_file text COLLATE "C",
  content_hash text NOT NULL,
  ingested_at text NOT NULL
);
CREATE INDEX articles_origin_file ON articles (origin_file);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (lower(source));

-- An identity never hands out an id twice (a passage id is also what a vector hit names), even after the
-- newest article is deleted. `sentences` is the flat [start0, end0, start1, end1, ...] list SQLite keeps as JSON.
-- `search_vector` holds the article title's terms (weight A) and the passage's (weight B), as storydesk's
-- tokenizer makes them (postgres-search-terms.ts: FTS5's unicode61 + Porter, so both backends index the same terms).
CREATE TABLE passages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  text text NOT NULL,
  sentences integer[] NOT NULL,
  search_vector tsvector NOT NULL,
  UNIQUE (article_id, ordinal)
);
CREATE INDEX passages_search ON passages USING gin (search_vector);

-- Untyped `vector`: the dimension is known only once an embedder is recorded, and may change with it. The HNSW
-- index is built per dimension on the expression embedding::vector(N) (partial: WHERE vector_dims(embedding) = N)
-- by PostgresArticleStore.setEmbedderInfo; searches use that same expression.
CREATE TABLE passage_vectors (
  passage_id bigint PRIMARY KEY REFERENCES passages (id) ON DELETE CASCADE,
  embedding vector NOT NULL
);

-- Vectors by SHA-256 of the passage text and embedder, kept after their article is gone, so unchanged text is
-- never embedded twice.
CREATE TABLE embedding_cache (
  text_hash text NOT NULL,
  embedder_id text NOT NULL,
  embedding vector NOT NULL,
  PRIMARY KEY (text_hash, embedder_id)
);

-- Set while every passage is being re-embedded for a new embedder (Storage.reembedMarker): it survives a crash,
-- so the next start finishes the job. One row at most.
CREATE TABLE reembed_pending (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  embedder_id text NOT NULL
);
