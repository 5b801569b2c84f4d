import { STAKEHOLDER_TYPES } from "../domain/enums";
import { STAKEHOLDER_TYPE_LABELS } from "../domain/labels";
import { SelectField, TextArea, TextField } from "./fields";

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");
const TYPE_OPTIONS = STAKEHOLDER_TYPES.map((t) => ({ value: t, label: STAKEHOLDER_TYPE_LABELS[t] }));

export function OrganisationFields({ values, errors }: { values: Values; errors: Record<string, string> }) {
  return (
    <div className="form-grid">
      <TextField label="Nama organisasi" name="name" required maxLength={160} defaultValue={str(values.name)} error={errors.name} />
      <SelectField
        label="Jenis"
        name="type"
        required
        options={TYPE_OPTIONS}
        placeholder="— pilih jenis —"
        defaultValue={str(values.type)}
        error={errors.type}
      />
      <TextField label="Alamat" name="address" maxLength={300} defaultValue={str(values.address)} error={errors.address} />
      <TextArea label="Catatan" name="notes" maxLength={1000} rows={2} defaultValue={str(values.notes)} error={errors.notes} />
    </div>
  );
}

/** Contact fields; `prefix` is "contact." inside a larger form, "" in a form of its own. */
export function ContactFields({
  values,
  errors,
  prefix = "",
  idPrefix = "",
}: {
  values: Values;
  errors: Record<string, string>;
  prefix?: string;
  idPrefix?: string;
}) {
  const v = (k: string) => str(values[k]);
  const id = (k: string) => `f-${idPrefix}${prefix}${k}`;
  return (
    <div className="form-grid">
      <TextField id={id("name")} label="Nama kontak" name={`${prefix}name`} maxLength={120} defaultValue={v("name")} error={errors[`${prefix}name`]} />
      <TextField id={id("position")} label="Jabatan" name={`${prefix}position`} maxLength={120} defaultValue={v("position")} error={errors[`${prefix}position`]} />
      <TextField
        id={id("whatsapp")}
        label="Nomor WhatsApp"
        name={`${prefix}whatsapp`}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={30}
        hint="Contoh: 0812-3456-7890; disimpan dalam bentuk +62."
        defaultValue={v("whatsapp")}
        error={errors[`${prefix}whatsapp`]}
      />
      <TextField id={id("email")} label="E-mail" name={`${prefix}email`} type="email" maxLength={254} defaultValue={v("email")} error={errors[`${prefix}email`]} />
    </div>
  );
}
