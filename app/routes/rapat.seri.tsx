import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { MEETING_KINDS } from "../domain/enums";
import { fail, guard } from "../auth/guard.server";
import { FormAlert, SelectField, TextField } from "../components/fields";
import { KIND_LABELS } from "../domain/agenda";
import { zoneLabel } from "../domain/format";
import { seriesSchema } from "../domain/meeting-schema";
import { DAY_NAMES_ID, describeDayRule, type DayRule } from "../domain/periods";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { createSeries, generateYear, getSeries, listSeries, todayIn, updateSeries } from "../models/meeting.server";
import { setQuorumRule, settingsOf } from "../models/register.server";
import { setKetuaSignsLast, signingSettingsOf } from "../models/signing.server";

export const meta: MetaFunction = () => [{ title: "Rangkaian rapat wajib — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  return {
    zone: zoneLabel(actor.office.timeZone),
    year: Number(todayIn(actor.office.timeZone).slice(0, 4)),
    series: listSeries(actor).map((s) => ({ ...s, ruleText: describeDayRule(s.dayRule as DayRule) })),
    quorumRule: settingsOf(actor.office.id).quorumRule,
    ketuaSignsLast: signingSettingsOf(actor.office.id).ketuaSignsLast,
  };
}

type ActionData = { form: string; errors: FieldErrors; values: Record<string, unknown> };

function ruleOf(v: { ruleType: string; ruleN: number; ruleWeekday: number; ruleDay: number; ruleDays: number }): DayRule {
  switch (v.ruleType) {
    case "nth_weekday":
      return { type: "nth_weekday", n: v.ruleN === 0 ? 1 : v.ruleN, weekday: v.ruleWeekday };
    case "day_of_month":
      return { type: "day_of_month", day: v.ruleDay };
    case "last_working_day":
      return { type: "last_working_day" };
    default:
      return { type: "days_after_end", days: v.ruleDays, weekdaysOnly: true };
  }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const values = formDataToObject(await args.request.formData());
  if (values.intent === "generate") {
    const year = Number(values.year);
    if (!Number.isInteger(year) || year < 2019 || year > 2100) {
      return json<ActionData>({ form: `gen-${values.seriesId}`, errors: { year: "Tahun antara 2019 dan 2100." }, values }, { status: 400 });
    }
    const series = getSeries(actor, Number(values.seriesId));
    const { created, skipped } = generateYear(actor.office, series, year);
    return redirect(`/rapat/seri?pesan=${encodeURIComponent(`${series.title} ${year}: ${created} rapat dibuat, ${skipped} sudah ada.`)}`);
  }
  if (values.intent === "quorum") {
    if (values.quorumRule !== "majority" && values.quorumRule !== "two_thirds") {
      return json<ActionData>({ form: "quorum", errors: { quorumRule: "Pilih aturan kuorum." }, values }, { status: 400 });
    }
    setQuorumRule(actor, values.quorumRule);
    return redirect(`/rapat/seri?pesan=${encodeURIComponent("Aturan kuorum disimpan.")}`);
  }
  if (values.intent === "signing-order") {
    setKetuaSignsLast(actor, values.ketuaSignsLast === "1");
    return redirect(`/rapat/seri?pesan=${encodeURIComponent("Urutan tanda tangan berita acara disimpan.")}`);
  }
  if (values.intent === "toggle") {
    const series = getSeries(actor, Number(values.seriesId));
    updateSeries(actor, series.id, { ...series, dayRule: series.dayRule as DayRule, isActive: !series.isActive });
    return redirect("/rapat/seri");
  }
  if (values.intent !== "create") fail(400);
  const result = validate(seriesSchema, values);
  if (!result.ok) return json<ActionData>({ form: "create", errors: result.errors, values }, { status: 400 });
  const v = result.data;
  createSeries(actor, {
    kind: v.kind,
    title: v.title,
    dayRule: ruleOf(v),
    defaultTime: v.defaultTime,
    durationMinutes: v.durationMinutes,
    defaultPlace: v.defaultPlace,
    dueDaysAfterEnd: v.dueDaysAfterEnd,
  });
  return redirect(`/rapat/seri?pesan=${encodeURIComponent("Rangkaian rapat ditambahkan.")}`);
}

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

export default function Series() {
  const { series, zone, year, quorumRule, ketuaSignsLast } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const e = data?.form === "create" ? data.errors : {};
  const v = data?.form === "create" ? data.values : { defaultTime: "09:00", durationMinutes: "180", dueDaysAfterEnd: "0", ruleType: "nth_weekday", ruleN: "-1", ruleWeekday: "5" };
  return (
    <div className="stack">
      <p>
        <Link to="/rapat">← Rapat</Link>
      </p>
      <h1>Rangkaian rapat wajib</h1>
      <p className="lead">
        Rapat yang wajib diselenggarakan kantor Anda menurut aturan yang berlaku (mis. pleno terbuka rekapitulasi DPB per triwulan menurut PKPU 1/2025, atau pleno internal bulanan). Jadwal satu tahun dibuat sekaligus; membuat ulang tidak menggandakan rapat.
      </p>
      {params.get("pesan") ? (
        <div className="alert alert--ok" role="status">
          {params.get("pesan")}
        </div>
      ) : null}
      {series.length === 0 ? <p>Belum ada rangkaian rapat.</p> : null}
      {series.map((s) => (
        <section key={s.id} className="card">
          <h2>
            {s.title} {s.isActive ? null : <span className="badge">nonaktif</span>}
          </h2>
          <p>
            {KIND_LABELS[s.kind]} · {s.ruleText}, pukul {s.defaultTime} {zone} · {s.defaultPlace} · batas waktu {s.dueDaysAfterEnd} hari setelah periode berakhir
          </p>
          <div className="row">
            <Form method="post" className="row" noValidate>
              <input type="hidden" name="intent" value="generate" />
              <input type="hidden" name="seriesId" value={s.id} />
              <TextField
                id={`year-${s.id}`}
                label="Tahun"
                name="year"
                inputMode="numeric"
                defaultValue={str(data?.form === `gen-${s.id}` ? data.values.year : year)}
                error={data?.form === `gen-${s.id}` ? data.errors.year : undefined}
              />
              <button type="submit" className="button">
                Buat jadwal setahun
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="toggle" />
              <input type="hidden" name="seriesId" value={s.id} />
              <button type="submit" className="button button--ghost">
                {s.isActive ? "Nonaktifkan" : "Aktifkan"}
              </button>
            </Form>
          </div>
        </section>
      ))}
      <section className="card" aria-labelledby="quorum-title">
        <h2 id="quorum-title">Aturan kuorum rapat pleno</h2>
        <Form method="post" className="row" noValidate>
          <input type="hidden" name="intent" value="quorum" />
          <SelectField
            label="Kuorum terpenuhi bila hadir"
            name="quorumRule"
            defaultValue={quorumRule}
            options={[
              { value: "majority", label: "lebih dari separuh komisioner" },
              { value: "two_thirds", label: "paling sedikit dua pertiga komisioner" },
            ]}
            error={data?.form === "quorum" ? data.errors.quorumRule : undefined}
          />
          <button type="submit" className="button button--secondary">
            Simpan aturan
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="signing-order-title">
        <h2 id="signing-order-title">Urutan tanda tangan berita acara</h2>
        <p className="muted">Biasanya komisioner yang hadir menandatangani bersamaan (paralel).</p>
        <Form method="post" className="row">
          <input type="hidden" name="intent" value="signing-order" />
          <label className="check">
            <input type="checkbox" name="ketuaSignsLast" value="1" defaultChecked={ketuaSignsLast} /> Ketua menandatangani terakhir
          </label>
          <button type="submit" className="button button--secondary">
            Simpan urutan
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="new-series">
        <h2 id="new-series">Tambah rangkaian</h2>
        <FormAlert errors={e} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create" />
          <div className="form-grid">
            <SelectField label="Jenis" name="kind" placeholder="— pilih —" options={MEETING_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} defaultValue={str(v.kind)} error={e.kind} />
            <TextField label="Judul rapat" name="title" maxLength={200} defaultValue={str(v.title)} error={e.title} />
            <SelectField
              label="Aturan hari"
              name="ruleType"
              options={[
                { value: "nth_weekday", label: "Hari tertentu pada bulan terakhir periode" },
                { value: "day_of_month", label: "Tanggal tertentu pada bulan terakhir periode" },
                { value: "last_working_day", label: "Hari kerja terakhir periode" },
                { value: "days_after_end", label: "Beberapa hari setelah periode berakhir" },
              ]}
              defaultValue={str(v.ruleType)}
              error={e.ruleType}
            />
            <SelectField
              label="Minggu ke-"
              name="ruleN"
              options={[{ value: "1", label: "pertama" }, { value: "2", label: "kedua" }, { value: "3", label: "ketiga" }, { value: "4", label: "keempat" }, { value: "-1", label: "terakhir" }]}
              defaultValue={str(v.ruleN)}
              hint="Untuk aturan hari tertentu."
            />
            <SelectField label="Hari" name="ruleWeekday" options={DAY_NAMES_ID.map((d, i) => ({ value: String(i), label: d }))} defaultValue={str(v.ruleWeekday)} />
            <TextField label="Tanggal" name="ruleDay" type="number" min={1} max={31} defaultValue={str(v.ruleDay ?? "25")} hint="Untuk aturan tanggal tertentu." error={e.ruleDay} />
            <TextField label="Jumlah hari setelah periode" name="ruleDays" type="number" min={0} max={60} defaultValue={str(v.ruleDays ?? "7")} error={e.ruleDays} />
            <TextField label={`Jam (${zone})`} name="defaultTime" type="time" defaultValue={str(v.defaultTime)} error={e.defaultTime} />
            <TextField label="Durasi (menit)" name="durationMinutes" type="number" defaultValue={str(v.durationMinutes)} error={e.durationMinutes} />
            <TextField label="Tempat" name="defaultPlace" maxLength={200} defaultValue={str(v.defaultPlace)} error={e.defaultPlace} />
            <TextField label="Batas waktu (hari setelah periode berakhir)" name="dueDaysAfterEnd" type="number" defaultValue={str(v.dueDaysAfterEnd)} error={e.dueDaysAfterEnd} />
          </div>
          <button type="submit" className="button">
            Tambah rangkaian
          </button>
        </Form>
      </section>
    </div>
  );
}
