import { Form, useNavigation } from "@remix-run/react";
import { FormAlert, SelectField, TextArea, TextField } from "./fields";
import { asList, asText, TopicCheckboxes } from "./topic-checkboxes";

export type VisitFormValues = Record<string, unknown>;
export type OfficeOption = { id: number; code: string; name: string };

/** Delegation rows as typed, plus one blank row to fill (three for a new report). */
function delegateRows(values: VisitFormValues) {
  const rows = Array.isArray(values.delegates) ? (values.delegates as Record<string, unknown>[]) : [];
  const typed = rows.map((r) => ({ name: asText(r?.name), position: asText(r?.position) }));
  if (typed.length === 0) return Array.from({ length: 3 }, () => ({ name: "", position: "" }));
  const last = typed[typed.length - 1];
  return last.name || last.position ? [...typed, { name: "", position: "" }] : typed;
}

/** The values after "Tambah baris": the rows as typed and one more blank row. */
export function withExtraDelegateRow(values: VisitFormValues): VisitFormValues {
  const rows = Array.isArray(values.delegates) ? values.delegates : [];
  return { ...values, delegates: [...rows, { name: "", position: "" }] };
}

/**
 * The visit report form (new and edit). A plain POST form: "Tambah baris" asks the server for one
 * more delegation row without saving, so it works without JavaScript.
 */
export function VisitForm({
  values,
  errors,
  offices,
  version,
  submitLabel,
}: {
  values: VisitFormValues;
  errors?: Record<string, string>;
  offices: OfficeOption[];
  version?: number;
  submitLabel: string;
}) {
  const busy = useNavigation().state !== "idle";
  const rows = delegateRows(values);
  const e = errors ?? {};
  return (
    <Form method="post" noValidate className="stack">
      <FormAlert errors={errors} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <div className="form-grid">
        <SelectField
          label="Kantor tuan rumah"
          name="hostOfficeId"
          placeholder="Pilih kantor yang dikunjungi"
          options={offices.map((o) => ({ value: String(o.id), label: `${o.name} (${o.code})` }))}
          defaultValue={asText(values.hostOfficeId)}
          error={e.hostOfficeId}
          required
        />
        <TextField label="Tanggal kunjungan" name="visitDate" type="date" defaultValue={asText(values.visitDate)} error={e.visitDate} required />
      </div>
      <TextField label="Judul laporan" name="title" defaultValue={asText(values.title)} error={e.title} maxLength={160} required />

      <fieldset>
        <legend>Rombongan</legend>
        <p className="hint">Nama dan jabatan setiap anggota rombongan. Baris yang dibiarkan kosong tidak disimpan.</p>
        {e.delegates ? (
          <p className="field-error" role="alert">
            {e.delegates}
          </p>
        ) : null}
        {rows.map((row, i) => (
          <div className="form-grid delegate-row" key={i}>
            <TextField label={`Nama anggota ${i + 1}`} name={`delegates.${i}.name`} defaultValue={row.name} error={e[`delegates.${i}.name`]} />
            <TextField label={`Jabatan anggota ${i + 1}`} name={`delegates.${i}.position`} defaultValue={row.position} error={e[`delegates.${i}.position`]} />
          </div>
        ))}
        <button type="submit" name="intent" value="tambah-baris" className="button button--secondary button--small" formNoValidate>
          Tambah baris rombongan
        </button>
      </fieldset>

      <TextArea label="Pertanyaan yang dibawa rombongan" name="questions" rows={4} defaultValue={asText(values.questions)} error={e.questions} required />
      <TextArea label="Paparan tuan rumah" name="hostPresentation" rows={6} defaultValue={asText(values.hostPresentation)} error={e.hostPresentation} required />
      <TextArea label="Praktik yang diamati" name="practicesObserved" rows={6} defaultValue={asText(values.practicesObserved)} error={e.practicesObserved} required />
      <TextArea label="Rencana tindak lanjut kantor kami" name="followUpPlan" rows={4} defaultValue={asText(values.followUpPlan)} error={e.followUpPlan} required />
      <TopicCheckboxes selected={asList(values.topics)} error={e.topics} />

      <div className="row">
        <button type="submit" name="intent" value="simpan" className="button" disabled={busy}>
          {submitLabel}
        </button>
        <button type="submit" name="intent" value="ajukan" className="button button--secondary" disabled={busy}>
          Simpan dan ajukan ke tuan rumah
        </button>
      </div>
    </Form>
  );
}
