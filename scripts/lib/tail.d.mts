/** Types of tail.mjs, for the unit tests. */

/** Creates `filePath` empty and calls `onText` with every chunk appended to it; returns `stop()`, which delivers the rest. */
export declare function tailFile(filePath: string, onText: (text: string) => void): () => void;
