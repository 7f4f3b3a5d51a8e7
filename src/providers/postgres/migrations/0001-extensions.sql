-- pgvector: the vector type and its HNSW index. Managed services ship it; it needs CREATE privilege on the database.
CREATE EXTENSION IF NOT EXISTS vector;
