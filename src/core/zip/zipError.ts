/** Why an archive was refused; `message` says it in words a person can act on. */
export class ZipError extends Error {
  override readonly name = 'ZipError';
}
