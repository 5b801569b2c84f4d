import { TOPIC_OPTIONS } from "../domain/topics";

/** The topic checkboxes of visit reports and practices, as one accessible group. */
export function TopicCheckboxes({ selected, error }: { selected: string[]; error?: string }) {
  return (
    <fieldset className="field" aria-describedby={error ? "topics-error" : undefined}>
      <legend>Topik</legend>
      <div className="checkbox-grid">
        {TOPIC_OPTIONS.map((t) => (
          <label key={t.value} className="checkbox">
            <input type="checkbox" name="topics" value={t.value} defaultChecked={selected.includes(t.value)} /> {t.label}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id="topics-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Checkbox values arrive as a string, a list, or nothing. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? [value] : [];
}

export function asText(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}
