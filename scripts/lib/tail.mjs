// Follows a file that another process appends to (the in-host mocha reporter's mirror).
import { closeSync, openSync, readSync, watch, writeFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * Creates `filePath` empty and calls `onText` with every chunk appended to it from now on.
 * Returns `stop()`, which delivers whatever is left and stops watching.
 */
export function tailFile(filePath, onText) {
  writeFileSync(filePath, '');
  const fd = openSync(filePath, 'r');
  const buffer = Buffer.alloc(64 * 1024);
  const decoder = new StringDecoder('utf8');
  let offset = 0;
  const drain = () => {
    for (let read = readSync(fd, buffer, 0, buffer.length, offset); read > 0; read = readSync(fd, buffer, 0, buffer.length, offset)) {
      offset += read;
      onText(decoder.write(buffer.subarray(0, read)));
    }
  };
  const watcher = watch(filePath, drain);
  return () => {
    watcher.close();
    drain();
    closeSync(fd);
  };
}
