/**
 * The block types of the emulator's scripted reply when one skill in the container matches the prompt: its
 * introduction, the SKILL.md it views with the text editor tool, the folder it lists with bash, the skill's
 * description, and the closing text (or the pause marker). The recorded turn in test/fixtures/chat/pause-and-file.json
 * starts with the same blocks.
 */
export const ONE_SKILL_REPLY_BLOCKS = [
  'text',
  'server_tool_use',
  'text_editor_code_execution_tool_result',
  'server_tool_use',
  'bash_code_execution_tool_result',
  'text',
  'text',
] as const;
