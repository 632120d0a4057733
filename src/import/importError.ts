/**
 * Why one input cannot be imported, worded for the editor who has to act on it. `where` points
 * into the input ("line 3", "item 4") and `problem` says what is wrong and what to do. Parsers
 * throw only this for bad input, so any other exception is a fault of the importer itself.
 */
export class ImportError extends Error {
  constructor(
    readonly problem: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${problem}` : problem);
    this.name = 'ImportError';
  }
}
