export { createWebApp, type WebAppOptions } from './web-app.js';
export { startWebServer, type WebServer } from './start-web-server.js';
export { type StoryReader, storyReader } from './story-reader.js';
export { basePathOf, storyPagePath, storyPageUrl } from './story-urls.js';
