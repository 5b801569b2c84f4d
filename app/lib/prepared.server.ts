import { db, type DB } from "../db.server";

/**
 * A drizzle query built and prepared once per database client, then run with placeholders
 * (`sql.placeholder("id")`). On the hot public pages building a select's SQL cost more than
 * running it (drizzle walks every column of every joined table on each call).
 * Keyed by the client, so tests that point the app at another database get their own statements.
 */
export function prepared<Q>(build: (database: DB) => Q): (database?: DB) => Q {
  const statements = new WeakMap<DB, Q>();
  return (database = db()) => {
    let statement = statements.get(database);
    if (!statement) {
      statement = build(database);
      statements.set(database, statement);
    }
    return statement;
  };
}
