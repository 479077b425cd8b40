/** `skillsmith lint`. (Placeholder until the command lands.) */
export async function runLintCommand(_args: string[]): Promise<number> {
  process.stderr.write('skillsmith lint: not implemented yet\n');
  return 2;
}
