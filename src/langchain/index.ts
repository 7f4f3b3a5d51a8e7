export { embedderFromLangChain, type LangChainEmbedderOptions } from './langchain-embedder.js';
export { type PassageCitation, type PassageSearch, passageDocument, StorydeskRetriever, type StorydeskRetrieverInput } from './storydesk-retriever.js';
