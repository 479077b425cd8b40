/** `skillsmith emulator`. (Placeholder until the command lands.) */
export async function runEmulatorCommand(_args: string[]): Promise<number> {
  process.stderr.write('skillsmith emulator: not implemented yet\n');
  return 2;
}
