// The one place that names every table: each capability keeps its tables in db/schema/<name>.ts.
export * from "./schema/core";
export * from "./schema/knowledge";
