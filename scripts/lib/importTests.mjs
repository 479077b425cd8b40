// Imports the test files named on the command line, in order, into this one process: node:test runs what they
// register and its reporter prints the summary at exit.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) await import(pathToFileURL(path.resolve(file)).href);
