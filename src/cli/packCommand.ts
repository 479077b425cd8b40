/** `skillsmith pack`: a skill folder as the .zip claude.ai's skill upload takes. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { folderNameOf } from '../core/bundle/fileSet';
import { prepareUpload, readPreparedFiles, type UploadOptions } from '../core/bundle/prepareUpload';
import { formatBytes } from '../core/bundle/uploadChecks';
import { zipFileSet } from '../core/bundle/zipFileSet';
import { countOf } from '../core/text/count';
import { checksText } from './uploadReport';
import { terminalOutput } from './terminalText';
import { messageOf } from '../core/messageOf';
import { commandArgs, runWithArgs } from './args';
import { onePath, UPLOAD_OPTIONS, UPLOAD_OPTIONS_HELP, uploadOptionsOf } from './uploadArgs';

const HELP = `Usage: skillsmith pack PATH [-o FILE] [--allow-secret PATH] [--upload-limit-mb N]

Zips the skill folder PATH for claude.ai's skill upload: one top-level folder with SKILL.md at its
root, the same files an upload sends (default excludes, .skillignore, no links, no secrets), the same
bytes every time. The folder is linted with the claude-api profile first; errors stop the pack.
  -o, --output FILE     where to write the zip (default: ./<folder>.zip)
${UPLOAD_OPTIONS_HELP}

Exit status: 0 packed, 1 lint errors, 2 usage error or unreadable folder.`;

/** What `skillsmith pack` was asked to do. */
interface PackRequest {
  readonly dir: string;
  readonly output: string | undefined;
  readonly upload: UploadOptions;
}

const PACK_ARGS = commandArgs({
  name: 'pack',
  usage: HELP,
  options: { ...UPLOAD_OPTIONS, output: { type: 'string', short: 'o' } },
  read: ({ values, positionals }): PackRequest => ({ dir: onePath(positionals), output: values.output, upload: uploadOptionsOf(values) }),
});

/** Runs `skillsmith pack`; returns the exit code. */
export function runPackCommand(args: string[]): Promise<number> {
  return runWithArgs(PACK_ARGS, args, pack);
}

async function pack(request: PackRequest): Promise<number> {
  const stdout = terminalOutput(process.stdout);
  const stderr = terminalOutput(process.stderr);
  let prepared;
  try {
    prepared = await prepareUpload(request.dir, {
      ...request.upload,
      packOutput: path.resolve(request.output ?? `${folderNameOf(request.dir)}.zip`),
    });
  } catch (error) {
    stderr.text(`skillsmith pack: ${request.dir} cannot be read: ${messageOf(error)}\n`);
    return 2;
  }
  stderr.formatted(checksText(prepared, process.cwd(), process.stderr));
  if (prepared.errors.length > 0) {
    stderr.text(`skillsmith pack: fix the errors above first; nothing was written.\n`);
    return 1;
  }
  const output = request.output ?? `${prepared.folderName}.zip`;
  const zip = await zipFileSet(readPreparedFiles(prepared));
  await writeAtomically(output, zip);
  stdout.text(
    `Packed ${prepared.folderName} (${countOf(prepared.collected.files.length, 'file')}, ${formatBytes(prepared.totalBytes)}) into ${output}\n`,
  );
  return 0;
}

/** Writes `data` to a temporary file beside `target`, then renames it over `target`: never a half-written zip. */
async function writeAtomically(target: string, data: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
