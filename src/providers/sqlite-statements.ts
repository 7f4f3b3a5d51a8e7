import type Database from 'better-sqlite3';

/**
 * Prepared statements by SQL text: preparing is a parse and plan each time, and ingest runs the same few
 * statements thousands of times.
 */
export class SqliteStatements {
  readonly database: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(database: Database.Database) {
    this.database = database;
  }

  get(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.database.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
