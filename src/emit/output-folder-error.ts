/** Why the output folder cannot be used; `detail` names what is in the way. */
export class OutputFolderError extends Error {
  constructor(
    readonly code: 'locked' | 'not_ours' | 'is_input' | 'inside_input' | 'contains_input' | 'is_symlink',
    readonly folder: string,
    readonly detail: string,
  ) {
    super(`${code}: ${folder} (${detail})`);
    this.name = 'OutputFolderError';
  }
}
