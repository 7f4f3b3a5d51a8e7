-- Stories, which article belongs to which, subscriptions and the digest outbox: the story tables of SQLite
-- (src/providers/sqlite-story-schema.ts), laid out for PostgreSQL.

-- Text columns that are sorted or compared (ids, ISO dates) use COLLATE "C": byte-wise, as SQLite compares
-- them, so both backends list stories and memberships in the same order whatever the database locale.
-- Vectors are Float32 little-endian bytes, exactly as SQLite keeps them (sqlite-vector-encoding.ts), so a
-- story's centroid reads back bit for bit the same on both backends. Entities and payloads are JSON text,
-- read back exactly as written (jsonb would reorder keys).
CREATE TABLE stories (
  id text COLLATE "C" PRIMARY KEY,
  title text NOT NULL,
  first_seen text COLLATE "C",
  last_seen text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  centroid bytea NOT NULL,
  entity text NOT NULL DEFAULT '{}',
  article_count integer NOT NULL DEFAULT 0
);
CREATE INDEX stories_last_seen ON stories (last_seen);

-- A membership has no foreign key to articles, as on SQLite: clustering removes the memberships of deleted
-- articles itself.
CREATE TABLE story_articles (
  article_id text COLLATE "C" PRIMARY KEY,
  story_id text COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  similarity double precision NOT NULL,
  assigned_at text COLLATE "C" NOT NULL,
  content_hash text NOT NULL,
  vector bytea NOT NULL,
  entity text NOT NULL DEFAULT '{}',
  published text COLLATE "C",
  seen_at text COLLATE "C" NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id);
CREATE INDEX story_articles_seen ON story_articles (seen_at, article_id);

-- Any platform name: a new chat platform needs no schema change.
CREATE TABLE subscriptions (
  id text COLLATE "C" PRIMARY KEY,
  platform text NOT NULL,
  channel_id text NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('story', 'query')),
  target text NOT NULL,
  cron text NOT NULL,
  timezone text NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  last_digest_at text COLLATE "C",
  active boolean NOT NULL DEFAULT true
);
CREATE INDEX subscriptions_channel ON subscriptions (platform, channel_id);

-- One row per (subscription, window), written before the digest is sent: the unique key is what makes a
-- window posted once.
CREATE TABLE digest_outbox (
  id text COLLATE "C" PRIMARY KEY,
  subscription_id text COLLATE "C" NOT NULL,
  window_key text COLLATE "C" NOT NULL,
  payload text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  created_at text COLLATE "C" NOT NULL,
  sent_at text,
  UNIQUE (subscription_id, window_key)
);
