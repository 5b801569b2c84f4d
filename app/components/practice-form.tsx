import { Form, useNavigation } from "@remix-run/react";
import { FormAlert, TextArea, TextField } from "./fields";
import { asList, asText, TopicCheckboxes } from "./topic-checkboxes";

/** The best-practice form (new and edit); a plain POST form. */
export function PracticeForm({
  values,
  errors,
  submitLabel,
}: {
  values: Record<string, unknown>;
  errors?: Record<string, string>;
  submitLabel: string;
}) {
  const busy = useNavigation().state !== "idle";
  const e = errors ?? {};
  return (
    <Form method="post" noValidate className="stack">
      <FormAlert errors={errors} />
      <TextField label="Judul" name="title" defaultValue={asText(values.title)} error={e.title} maxLength={160} required />
      <TextArea
        label="Ringkasan"
        name="summary"
        rows={3}
        defaultValue={asText(values.summary)}
        error={e.summary}
        hint="Satu atau dua kalimat yang tampil di daftar praktik baik."
        required
      />
      <TextArea label="Uraian" name="body" rows={10} defaultValue={asText(values.body)} error={e.body} hint="Pisahkan paragraf dengan baris kosong." required />
      <div className="form-grid">
        <TextField
          label="Diterapkan sejak (bulan)"
          name="since"
          type="month"
          placeholder="2021-03"
          defaultValue={asText(values.since)}
          error={e.since}
          hint="Format: tahun-bulan, misalnya 2021-03."
          required
        />
      </div>
      <TextArea
        label="Bukti"
        name="evidence"
        rows={3}
        defaultValue={asText(values.evidence)}
        error={e.evidence}
        hint="Angka sebelum dan sesudah, dokumen, atau paparan yang menunjukkan hasilnya."
      />
      <TopicCheckboxes selected={asList(values.topics)} error={e.topics} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Menyimpan…" : submitLabel}
      </button>
    </Form>
  );
}
