/** A template file (form or report texts) that cannot be used: which file, where in it, and what is wrong. */
export class TemplateFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'TemplateFileError';
  }
}
