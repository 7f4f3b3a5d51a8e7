import OpenAI from 'openai';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StaticEmbedder } from '../../src/providers/embedders/static-embedder.js';
import { createOpenAiEmbedder, decodeEmbedding } from '../../src/providers/openai-embedder.js';
import { type FakeOpenAiServer, fakeEmbedding, startFakeOpenAiServer } from '../fakes/openai-server.js';
import { describeEmbedderContract } from './embedders/embedder.contract.js';

// The shared embedder contract, over HTTP: the fake server computes vectors with the bundled static embedder.
let contractServer: FakeOpenAiServer | undefined;
afterAll(async () => {
  await contractServer?.close();
});
describeEmbedderContract('OpenAI-compatible embedder over HTTP', async () => {
  const local = await StaticEmbedder.load();
  contractServer = await startFakeOpenAiServer({ embed: (texts) => local.embedDocuments(texts) });
  return createOpenAiEmbedder({ client: new OpenAI({ apiKey: 'test-key', baseURL: contractServer.baseURL, maxRetries: 0 }), model: 'static-behind-http', batchSize: 3 });
});

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
});

function clientFor(fake: FakeOpenAiServer): OpenAI {
  return new OpenAI({ apiKey: 'test-key', baseURL: fake.baseURL, maxRetries: 0 });
}

describe('OpenAiEmbedder', () => {
  it('discovers the dimension, batches requests and decodes base64 float32 vectors', async () => {
    server = await startFakeOpenAiServer({ embeddingDimension: 12 });
    const embedder = await createOpenAiEmbedder({ client: clientFor(server), model: 'text-embedding-3-small', batchSize: 2 });
    const texts = ['ByteDance and Huawei chips', 'A TikTok spokesperson denied it', 'Marlow Bay tram', ''];
    const vectors = await embedder.embedDocuments(texts);

    expect(embedder.id).toBe('openai:text-embedding-3-small@12');
    expect(embedder.dimension).toBe(12);
    expect(vectors).toHaveLength(4);
    expect(vectors[0]).toEqual(Array.from(new Float32Array(fakeEmbedding(texts[0] ?? '', 12))));
    const requests = server.requests.filter((request) => request.path === '/v1/embeddings');
    // One probe for the dimension, then two batches of two.
    expect(requests.map((request) => (request.body.input as string[]).length)).toEqual([1, 2, 2]);
    expect(requests.every((request) => request.body.encoding_format === 'base64')).toBe(true);
    expect(requests.at(-1)?.body.input).toEqual(['Marlow Bay tram', ' ']);
  });

  it('accepts float arrays from servers that ignore encoding_format', async () => {
    server = await startFakeOpenAiServer({ embeddingDimension: 6, ignoreEncodingFormat: true });
    const embedder = await createOpenAiEmbedder({ client: clientFor(server), model: 'nomic-embed-text', dimension: 6 });

    expect(await embedder.embedQuery('hello')).toEqual(fakeEmbedding('hello', 6));
    expect(server.requests).toHaveLength(1);
  });

  it('refuses vectors whose length differs from the configured dimension, naming the fix', async () => {
    server = await startFakeOpenAiServer({ embeddingDimension: 6 });
    const embedder = await createOpenAiEmbedder({ client: clientFor(server), model: 'nomic-embed-text', dimension: 384 });

    await expect(embedder.embedQuery('hello')).rejects.toThrow(/returned 6-d vectors but 384 were expected/);
  });

  it('speaks base64 the way the SDK expects by default (the fake is faithful)', async () => {
    server = await startFakeOpenAiServer({ embeddingDimension: 4 });
    const response = await clientFor(server).embeddings.create({ model: 'text-embedding-3-small', input: ['hello'] });

    expect(server.requests[0]?.body.encoding_format).toBe('base64');
    expect(response.data[0]?.embedding).toEqual(Array.from(new Float32Array(fakeEmbedding('hello', 4))));
  });

  it('decodes little-endian float32 base64', () => {
    const bytes = Buffer.alloc(8);
    bytes.writeFloatLE(0.5, 0);
    bytes.writeFloatLE(-2, 4);
    expect(decodeEmbedding(bytes.toString('base64'))).toEqual([0.5, -2]);
  });
});
