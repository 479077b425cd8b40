/* The benchmark's noise floor: a page that receives the same messages and does nothing with them. */
window.acquireVsCodeApi().postMessage({ type: 'ready' });
