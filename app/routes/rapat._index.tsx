import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { MEETING_KINDS, MEETING_STATUSES } from "../domain/enums";
import { guard } from "../auth/guard.server";
import { SelectField, TextField } from "../components/fields";
import { KIND_LABELS, STATUS_LABELS } from "../domain/agenda";
import { formatShortDateTime, utcToZoned, zonedToUtc } from "../domain/format";
import { parsePeriod, periodInWords } from "../domain/periods";
import { MONTH_NAMES } from "../domain/words";
import { isOverdue, listMeetings, meetingsBetween, todayIn } from "../models/meeting.server";

export const meta: MetaFunction = () => [{ title: "Rapat — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const url = new URL(args.request.url);
  const zone = actor.office.timeZone;
  const today = todayIn(zone);
  const view = url.searchParams.get("tampilan") === "kalender" ? "kalender" : "daftar";
  const yearText = url.searchParams.get("tahun") ?? "";
  const period = (url.searchParams.get("periode") ?? "").trim();
  const filter = {
    kind: (MEETING_KINDS as readonly string[]).includes(url.searchParams.get("jenis") ?? "") ? url.searchParams.get("jenis")! : "",
    status: [...MEETING_STATUSES, "terlambat"].includes(url.searchParams.get("status") ?? "") ? url.searchParams.get("status")! : "",
    period: parsePeriod(period) ? period : "",
    year: /^\d{4}$/.test(yearText) ? Number(yearText) : undefined,
    when: (url.searchParams.get("waktu") === "lalu" ? "lalu" : url.searchParams.get("waktu") === "akan" ? "akan" : "") as "" | "akan" | "lalu",
  };
  const shape = (m: ReturnType<typeof listMeetings>[number]) => ({
    id: m.id,
    title: m.title,
    kind: m.kind,
    period: periodInWords(m.period),
    status: m.status,
    when: formatShortDateTime(m.startsAt, zone),
    date: utcToZoned(m.startsAt, zone).date,
    place: m.place,
    dueDate: m.dueDate,
    overdue: isOverdue(m, today),
  });
  const monthText = /^\d{4}-\d{2}$/.test(url.searchParams.get("bulan") ?? "") ? url.searchParams.get("bulan")! : today.slice(0, 7);
  let calendar = null;
  if (view === "kalender") {
    const [y, m] = monthText.split("-").map(Number);
    const from = zonedToUtc(`${monthText}-01`, "00:00", zone);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
    const to = zonedToUtc(`${next}-01`, "00:00", zone);
    const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
    calendar = { month: monthText, label: `${MONTH_NAMES[m - 1]} ${y}`, prev, next, meetings: meetingsBetween(actor, from, to).map(shape) };
  }
  return {
    view,
    today,
    filter: { ...filter, yearText, periodText: period },
    canEdit: actor.membership.role === "secretariat",
    meetings: view === "daftar" ? listMeetings(actor, filter).map(shape) : [],
    calendar,
  };
}

function Calendar({ calendar, today }: { calendar: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["calendar"]>; today: string }) {
  const [y, m] = calendar.month.split("-").map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday first
  const cells: (number | null)[] = [...Array(firstWeekday).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const iso = (d: number) => `${calendar.month}-${String(d).padStart(2, "0")}`;
  return (
    <section aria-labelledby="cal-title">
      <div className="row">
        <Link to={`/rapat?tampilan=kalender&bulan=${calendar.prev}`} aria-label="Bulan sebelumnya">
          ← Sebelumnya
        </Link>
        <h2 id="cal-title">{calendar.label}</h2>
        <Link to={`/rapat?tampilan=kalender&bulan=${calendar.next}`} aria-label="Bulan berikutnya">
          Berikutnya →
        </Link>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
        <table className="calendar">
          <thead>
            <tr>
              {["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"].map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, w) => (
              <tr key={w}>
                {week.map((d, i) => (
                  <td key={i} className={d && iso(d) === today ? "is-today" : undefined}>
                    {d ? (
                      <>
                        <span className="calendar__day">{d}</span>
                        {calendar.meetings
                          .filter((x) => x.date === iso(d))
                          .map((x) => (
                            <Link key={x.id} to={`/rapat/${x.id}`} className={`calendar__item${x.overdue ? " is-overdue" : ""}`}>
                              {x.title}
                            </Link>
                          ))}
                      </>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function Meetings() {
  const { view, filter, meetings, calendar, canEdit, today } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Rapat</h1>
          <p className="lead">Rapat pleno dan rapat koordinasi kantor Anda.</p>
        </div>
        <div className="row">
          <Link className="button button--secondary" to={view === "kalender" ? "/rapat" : "/rapat?tampilan=kalender"}>
            {view === "kalender" ? "Tampilan daftar" : "Tampilan kalender"}
          </Link>
          {canEdit ? (
            <>
              <Link className="button button--secondary" to="/rapat/seri">
                Rangkaian rapat wajib
              </Link>
              <Link className="button button--secondary" to="/rapat/kotak-keluar">
                Kotak keluar
              </Link>
              <Link className="button button--secondary" to="/berita-acara/templat">
                Templat dokumen
              </Link>
              <Link className="button button--secondary" to="/pengaturan/dokumen">
                Pengaturan dokumen
              </Link>
              <Link className="button" to="/rapat/baru">
                Jadwalkan rapat
              </Link>
            </>
          ) : null}
        </div>
      </div>
      {calendar ? (
        <Calendar calendar={calendar} today={today} />
      ) : (
        <>
          <Form method="get" className="filters" role="search" aria-label="Saring rapat">
            <SelectField label="Waktu" name="waktu" defaultValue={filter.when} placeholder="Semua" options={[{ value: "akan", label: "Akan datang" }, { value: "lalu", label: "Sudah lewat" }]} />
            <SelectField label="Jenis" name="jenis" defaultValue={filter.kind} placeholder="Semua jenis" options={MEETING_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
            <SelectField
              label="Status"
              name="status"
              defaultValue={filter.status}
              placeholder="Semua status"
              options={[...MEETING_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), { value: "terlambat", label: "Terlambat" }]}
            />
            <TextField label="Periode" name="periode" defaultValue={filter.periodText} placeholder="2025-Q4" />
            <TextField label="Tahun" name="tahun" defaultValue={filter.yearText} inputMode="numeric" placeholder="2025" />
            <button type="submit" className="button button--secondary">
              Terapkan
            </button>
          </Form>
          {meetings.length === 0 ? (
            <p>Tidak ada rapat yang cocok.</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Waktu</th>
                    <th scope="col">Rapat</th>
                    <th scope="col">Periode</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {meetings.map((m) => (
                    <tr key={m.id} className={m.overdue ? "is-bad" : undefined}>
                      <td>{m.when}</td>
                      <td>
                        <Link to={`/rapat/${m.id}`}>{m.title}</Link>
                        <br />
                        <small className="muted">{KIND_LABELS[m.kind]}</small>
                      </td>
                      <td>{m.period}</td>
                      <td>
                        {STATUS_LABELS[m.status]}
                        {m.overdue ? (
                          <>
                            {" "}
                            <span className="badge badge--bad">terlambat (batas {m.dueDate})</span>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
