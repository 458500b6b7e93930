import { core } from '../core/provider.js';

/**
 * An IDTOKENS token, as the Python bindings' `htcondor.Token`: its text, and `write` to store it
 * where HTCondor's tools look for tokens (the tokens directory), where a filesystem exists.
 */
export class Token {
  constructor(readonly contents: string) {}

  /**
   * Writes the token to `name` (a plain file name, default `python_generated_tokens` as in the
   * Python bindings) in SEC_TOKEN_DIRECTORY, or `~/.condor/tokens.d`, creating the directory
   * (mode 0700) and the file (mode 0600). Returns the file's path.
   */
  write(name = 'python_generated_tokens'): Promise<string> {
    return core().writeToken(name, this.contents);
  }

  toString(): string {
    return this.contents;
  }
}
