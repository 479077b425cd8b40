/** A stylesheet imported by a webview entry: esbuild bundles it into a `.css` file beside the script. */
declare module '*.css';
