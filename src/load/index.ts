// The public surface of `load` (style rule 14: an explicit export list).
export { loadDocuments, type InputText, type LoadOptions, type LoadResult } from './load-documents.js';
export { loadSources, nodeLoadIO, STDIN_NAME, type LoadIO } from './read-sources.js';
