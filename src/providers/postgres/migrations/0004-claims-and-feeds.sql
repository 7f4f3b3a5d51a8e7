-- Claims read from articles, and the feed poller's state: the SQLite claim and feed tables
-- (sqlite-claim-store.ts, sqlite-feed-state.ts), laid out for PostgreSQL.

-- Claims go with their article (ON DELETE CASCADE). An article read with no claims keeps one row with
-- start = -1, so it is not read again. `content_hash` holds '<article content hash>@claims<reader version>'.
CREATE TABLE claims (
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  content_hash text NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  hedge text NOT NULL,
  holder text,
  holder_kind text NOT NULL,
  verb text,
  via text,
  PRIMARY KEY (article_id, start)
);

-- Per-feed HTTP validators and backoff. Times are ISO text, read back exactly as written.
CREATE TABLE feed_state (
  url text PRIMARY KEY,
  etag text,
  last_modified text,
  failures integer NOT NULL DEFAULT 0,
  next_attempt_at text,
  last_error text,
  last_polled_at text
);

-- Items already ingested: the first article an item key was stored as wins.
CREATE TABLE feed_items (
  item_key text PRIMARY KEY,
  feed_url text NOT NULL,
  article_id text NOT NULL,
  seen_at text NOT NULL
);

-- Body fingerprints (space-separated shingle hashes) of recent feed articles, for near-duplicate merging.
CREATE TABLE feed_fingerprints (
  article_id text PRIMARY KEY,
  shingles text NOT NULL,
  seen_at text COLLATE "C" NOT NULL
);
CREATE INDEX feed_fingerprints_seen ON feed_fingerprints (seen_at);

-- The other outlets of an article merged as a near-duplicate, once per URL.
CREATE TABLE article_outlets (
  article_id text COLLATE "C" NOT NULL,
  source text,
  url text COLLATE "C" NOT NULL,
  seen_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (article_id, url)
);
