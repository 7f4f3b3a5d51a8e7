import { createHash } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake received, with its parsed JSON body. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/** What the fake sends back for one chat completion request. */
export interface ScriptedReply {
  /** @default 200 */
  status?: number;
  /** The assistant message content, wrapped in a chat.completion object. */
  content?: string;
  /** A raw body instead of a completion (e.g. an error object or broken JSON). */
  raw?: string;
  headers?: Record<string, string>;
  /** Waits this long before answering, to exceed a client's timeout. */
  delayMs?: number;
}

export type ReplyScript = ScriptedReply | ((request: RecordedRequest) => ScriptedReply);

export interface FakeOpenAiServerOptions {
  /**
   * The response_format types the server accepts; any other type gets a 400, as older vLLM, LM Studio and
   * Ollama builds answer. @default ['json_schema', 'json_object']
   */
  responseFormats?: Array<'json_schema' | 'json_object'>;
  /** Dimension of the deterministic embedding vectors. @default 8 */
  embeddingDimension?: number;
  /** Computes embeddings (e.g. with a real local embedder); by default a hash of each text. */
  embed?: (texts: string[]) => Promise<number[][]>;
  /** Answers embeddings as float arrays even when base64 was asked for (some local servers do). @default false */
  ignoreEncodingFormat?: boolean;
}

/** A fake OpenAI-compatible server on 127.0.0.1: chat completions follow a per-test script, embeddings are deterministic. */
export interface FakeOpenAiServer {
  /** Base URL for the SDK, ending in /v1. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues replies for the next chat completion requests; when the queue is empty the last reply repeats. */
  script(...replies: ReplyScript[]): void;
  chatRequests(): RecordedRequest[];
  close(): Promise<void>;
}

/** Deterministic unit-free vector for a text: the same text always gets the same vector. */
export function fakeEmbedding(text: string, dimension: number): number[] {
  const digest = createHash('sha256').update(text).digest();
  return Array.from({ length: dimension }, (_, index) => ((digest[index % digest.length] ?? 0) - 128) / 128);
}

/** A chat.completion body with one assistant message. */
export function completionBody(content: string, model = 'fake-model'): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  });
}

function errorBody(status: number, message: string): string {
  return JSON.stringify({ error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'invalid_request_error', code: null } });
}

/** Starts the fake on an ephemeral port. */
export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const formats = options.responseFormats ?? ['json_schema', 'json_object'];
  const dimension = options.embeddingDimension ?? 8;
  const requests: RecordedRequest[] = [];
  const queue: ReplyScript[] = [];
  let last: ReplyScript = { content: '{"abstain":true,"statements":[],"disputes":[]}' };

  const send = (response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  };

  const handleChat = (request: RecordedRequest, response: ServerResponse): void => {
    const format = request.body.response_format as { type?: string } | undefined;
    if (format?.type && format.type !== 'text' && !formats.includes(format.type as 'json_schema')) {
      send(response, 400, errorBody(400, `response_format type '${format.type}' is not supported`));
      return;
    }
    const next = queue.shift() ?? last;
    last = next;
    const reply = typeof next === 'function' ? next(request) : next;
    const respond = (): void => {
      if (response.destroyed) return;
      const status = reply.status ?? 200;
      const body = reply.raw ?? (status === 200 ? completionBody(reply.content ?? '', String(request.body.model)) : errorBody(status, 'scripted failure'));
      send(response, status, body, reply.headers);
    };
    if (reply.delayMs === undefined) {
      respond();
      return;
    }
    const timer = setTimeout(respond, reply.delayMs);
    // A client that gave up closes the socket; do not keep the timer (and the test process) alive.
    response.on('close', () => clearTimeout(timer));
  };

  const handleEmbeddings = async (request: RecordedRequest, response: ServerResponse): Promise<void> => {
    const input = request.body.input;
    const texts = Array.isArray(input) ? input.map(String) : [String(input)];
    const wantsBase64 = request.body.encoding_format === 'base64' && !options.ignoreEncodingFormat;
    const vectors = options.embed ? await options.embed(texts) : texts.map((text) => fakeEmbedding(text, dimension));
    const data = vectors.map((vector, index) => {
      const embedding = wantsBase64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    });
    send(response, 200, JSON.stringify({ object: 'list', data, model: request.body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
  };

  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        send(response, 400, errorBody(400, 'request body is not JSON'));
        return;
      }
      const request: RecordedRequest = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers: incoming.headers, body };
      requests.push(request);
      if (request.path === '/v1/chat/completions') handleChat(request, response);
      else if (request.path === '/v1/embeddings') {
        handleEmbeddings(request, response).catch((error: unknown) => send(response, 500, errorBody(500, String(error))));
      }
      else send(response, 404, errorBody(404, `no route ${request.path}`));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => {
      queue.push(...replies);
    },
    chatRequests: () => requests.filter((request) => request.path === '/v1/chat/completions'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
