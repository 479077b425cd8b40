/** Somewhere to write text (a process stream, or a buffer in tests). */
export interface TextSink {
  write(text: string): unknown;
}
