// The one place that names every table: each capability keeps its tables in db/schema/<name>.ts.
export * from "./schema/core";
export * from "./schema/register";
export * from "./schema/meetings";
export * from "./schema/recap";
export * from "./schema/feedback";
export * from "./schema/minutes";
export * from "./schema/knowledge";
export * from "./schema/audit";
export * from "./schema/documents";
export * from "./schema/signing";
