// Errors the database layer raises for situations the user must act on.
export class DatabaseFromFutureError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer version of Loadwise (schema ${found}; this version understands up to ${supported}). ` +
        'Install the newer version to open it. Nothing was changed.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}
