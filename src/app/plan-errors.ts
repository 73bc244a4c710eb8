/** The two ways an import is refused before anything is written; their own file so the CLI can name them without loading the importer. */

export class PlanFileError extends Error {
  constructor(readonly errors: string[], file: string) {
    super(`${file} was not imported — nothing was changed:\n${errors.map((e) => `  • ${e}`).join('\n')}`);
    this.name = 'PlanFileError';
  }
}

/** Which plan an import goes to was not clear, or cannot take it; nothing was imported. */
export class PlanTargetError extends Error {
  override name = 'PlanTargetError';
}
