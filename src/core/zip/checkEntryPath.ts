/** The path rules every archive entry must pass before anything reads or writes it. */
import { ZipError } from './zipError';

/**
 * Returns the entry's path normalised to `/` separators without `.` segments, or throws `ZipError`
 * when it is empty, absolute, carries a drive letter, a `..` segment, a NUL or a backslash.
 */
export function checkEntryPath(rawName: string): string {
  if (PLAIN_PATH.test(rawName)) return rawName; // most paths: one test instead of the steps below
  if (rawName.includes('\0')) throw unsafe(rawName, 'contains a NUL character');
  if (rawName.includes('\\')) throw unsafe(rawName, 'contains a backslash');
  if (rawName.startsWith('/')) throw unsafe(rawName, 'is absolute');
  if (/^[a-zA-Z]:/.test(rawName)) throw unsafe(rawName, 'starts with a drive letter');
  const segments = rawName.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw unsafe(rawName, 'climbs out of its folder with ".."');
  if (segments.length === 0) throw unsafe(rawName, 'is empty');
  return segments.join('/');
}

/**
 * A path the steps of `checkEntryPath` pass and give back unchanged: no drive letter, named segments (none empty,
 * `.` or `..`) joined by single slashes, no NUL or backslash.
 */
const PLAIN_PATH = /^(?![a-zA-Z]:)(?!\.\.?(?:\/|$))[^/\\\0]+(?:\/(?!\.\.?(?:\/|$))[^/\\\0]+)*$/;

function unsafe(rawName: string, reason: string): ZipError {
  return new ZipError(`The path "${rawName}" ${reason}; no upload or download may carry it.`);
}
