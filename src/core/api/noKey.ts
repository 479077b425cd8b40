/** What every surface says when no API key is set, before saying how to set one in its own terms. */
export const NO_KEY_MESSAGE = 'No Anthropic API key is set.';
