import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ATTENDANCE_STATUSES, MEETING_KINDS, MEETING_STATUSES } from "../domain/enums";
import { fail, guard, type Actor } from "../auth/guard.server";
import { readSnapshot } from "../db.server";
import { idParam } from "../lib/params";
import { FormAlert, SelectField, TextArea, TextField } from "../components/fields";
import { PageForms, PageLink, PostForm } from "../components/post-form";
import { ATTENDANCE_LABELS, KIND_LABELS, STATUS_LABELS } from "../domain/agenda";
import { formatDate, formatNumber, formatShortDateTime, formatTime, utcToZoned, zoneLabel } from "../domain/format";
import { agendaItemSchema, meetingSchema } from "../domain/meeting-schema";
import { periodInWords, periodRange } from "../domain/periods";
import { describeQuorum } from "../domain/quorum";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { emailInvitation } from "../models/meeting-documents.server";
import {
  addAgendaItem,
  addDecision,
  agendaOf,
  attendanceOf,
  carryOverProposals,
  chairName,
  decideCarryOver,
  decisionsOf,
  getMeeting,
  invitationsOf,
  invite,
  isOverdue,
  meetingDateProblems,
  meetingQuorum,
  moveAgendaItem,
  previousInSeries,
  recordPostponement,
  removeAgendaItem,
  removeDecision,
  removeInvitation,
  saveCommissionerAttendance,
  saveOrganisationAttendance,
  setStatus,
  todayIn,
  updateAgendaItem,
  updateMeeting,
} from "../models/meeting.server";
import { commissionersOf } from "../models/office.server";
import { requestOrigin } from "../models/audit.server";
import { createMinutes, minutesOfMeeting } from "../models/minutes.server";
import { deliveriesForPeriods, recapSummaryForMeeting } from "../models/recap.server";
import { DELIVERY_KIND_LABELS, DELIVERY_STATUS_LABELS } from "../domain/recap-labels";
import { openFollowUpsFromPrevious } from "../models/feedback.server";
import { FOLLOW_UP_LABELS } from "../domain/feedback-schema";
import { PICKER_LIMIT, pickerOrganisations } from "../models/stakeholder.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.title ?? "Rapat"} — Pleno` }];

const ROLES = ["secretariat", "commissioner"] as const;

/** Why /rapat/:id/berkas.zip sent the user back here. */
const DOSSIER_PROBLEMS: Record<string, string> = {
  kosong: "Berkas rapat belum dapat diunduh: rapat ini belum memiliki agenda, undangan, rekap, tanggapan, atau berita acara.",
  "terlalu-besar": "Berkas rapat terlalu besar untuk diunduh sekaligus (lebih dari 300 undangan). Unduh surat undangan satu per satu dari bagian Undangan.",
};

/** The period itself and the months it spans (deliveries are recorded per month or per quarter). */
function periodsCovered(period: string): string[] {
  const { start, end } = periodRange(period);
  const months: string[] = [];
  for (let d = start.slice(0, 7); d <= end.slice(0, 7); ) {
    months.push(d);
    const [y, m] = d.split("-").map(Number);
    d = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  return months.includes(period) ? months : [period, ...months];
}

/**
 * Once its berita acara is out for signature or signed, the meeting's record (details, status,
 * agenda, roll call, invitations, decisions) is what the document says and stays as it is: a refusal
 * sends the draft back and opens it again, a correction after sealing likewise.
 */
function lockOf(minutesStatus: string | undefined): string | null {
  if (minutesStatus === "diajukan")
    return "Berita acara rapat ini sedang dalam proses tanda tangan, sehingga rincian, agenda, daftar hadir, undangan dan keputusan rapat tidak dapat diubah. Bila ada yang perlu diperbaiki, penandatangan menolak berita acara dengan alasan agar kembali menjadi draf.";
  if (minutesStatus === "ditandatangani")
    return "Berita acara rapat ini sudah ditandatangani dan diterbitkan, sehingga catatan rapat tidak dapat diubah lagi. Perbaikan dilakukan melalui koreksi berita acara.";
  return null;
}

/** `organisationQuery` is null unless the secretariat opened the invitation picker (?undang, ?organisasi). */
function load(actor: Actor, id: number, organisationQuery: string | null) {
  const meeting = getMeeting(actor, id);
  const zone = actor.office.timeZone;
  const start = utcToZoned(meeting.startsAt, zone);
  const end = utcToZoned(meeting.endsAt, zone);
  // Only a bounded slice of the directory goes to the invitation picker; a search narrows it.
  const current = minutesOfMeeting(actor, id);
  const locked = lockOf(current?.status);
  const isSecretariat = actor.membership.role === "secretariat";
  const canEdit = isSecretariat && !locked;
  const picker = canEdit && organisationQuery !== null ? pickerOrganisations(actor, organisationQuery) : null;
  const members = commissionersOf(actor.office.id);
  const previous = previousInSeries(meeting);
  return {
    canEdit,
    isSecretariat,
    locked,
    zone,
    zoneLabel: zoneLabel(zone),
    meeting: {
      ...meeting,
      date: start.date,
      startTime: start.time,
      endTime: end.time,
      when: `${formatDate(meeting.startsAt, zone)}, ${formatTime(meeting.startsAt, zone)} s.d. ${formatTime(meeting.endsAt, zone)}`,
      periodWords: periodInWords(meeting.period),
      overdue: isOverdue(meeting, todayIn(zone)),
      chair: chairName(meeting),
    },
    agenda: agendaOf(id),
    proposals: carryOverProposals(meeting, previous),
    attendance: attendanceOf(actor, id, members),
    quorum: meetingQuorum(actor, id, members),
    invitations: invitationsOf(id).map((r) => ({
      id: r.invitation.id,
      organisation: r.stakeholder.name,
      contact: r.contact
        ? {
            name: r.contact.name,
            whatsapp: r.contact.whatsapp,
            email: r.contact.email,
          }
        : null,
      present: r.invitation.present,
      attendeeName: r.invitation.attendeeName,
      deliveries: r.deliveries.map((d) => ({
        channel: d.delivery.channel,
        detail: d.delivery.detail,
        at: formatShortDateTime(d.delivery.at, zone),
        by: d.by,
      })),
    })),
    decisions: decisionsOf(id),
    recap: recapSummaryForMeeting(actor.office.id, id),
    minutes: current ? { id: current.id, number: current.number, status: current.status } : null,
    followUps: openFollowUpsFromPrevious(meeting, previous),
    deliveries:
      meeting.kind === "coordination_quarterly" || meeting.kind === "open_quarterly"
        ? deliveriesForPeriods(actor.office.id, periodsCovered(meeting.period)).map((d) => ({
            id: d.delivery.id,
            organisation: d.stakeholderName,
            kind: d.delivery.kind,
            records: d.delivery.recordCount,
            receivedOn: d.delivery.receivedOn,
            status: d.delivery.status,
            tms: d.delivery.resultingTms,
            newVoters: d.delivery.resultingNewVoters,
          }))
        : [],
    commissioners: members.map((c) => ({
      id: c.membership.id,
      label: `${c.user.name} (${c.membership.title})`,
    })),
    organisations: picker?.rows ?? [],
    organisationPicker: picker ? { total: picker.total, shown: picker.rows.length, q: picker.q, limit: PICKER_LIMIT } : null,
  };
}

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ROLES });
  const search = new URL(args.request.url).searchParams;
  const organisationQuery = search.get("organisasi") ?? (search.has("undang") ? "" : null);
  return readSnapshot(() => load(actor, idParam(args.params), organisationQuery));
}

const INTENTS = [
  "update",
  "status",
  "postpone",
  "agenda-add",
  "agenda-update",
  "agenda-move",
  "agenda-up",
  "agenda-down",
  "agenda-remove",
  "carry-accept",
  "carry-dismiss",
  "attendance",
  "decision-add",
  "decision-remove",
  "invite",
  "invite-remove",
  "send-email",
  "minutes-create",
] as const;

type ActionData = {
  form: string;
  errors: FieldErrors;
  values: Record<string, unknown>;
  message?: string;
};

const num = (v: unknown) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0) fail(400);
  return n;
};

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const id = idParam(args.params);
  const meeting = getMeeting(actor, id);
  const values = formDataToObject(await args.request.formData());
  const intent = z.enum(INTENTS).safeParse(values.intent);
  if (!intent.success) fail(400);
  const here = (anchor: string, note?: string) => redirect(`/rapat/${id}?${note ? `pesan=${encodeURIComponent(note)}&` : ""}#${anchor}`);
  const bad = (form: string, errors: FieldErrors, status = 400) => json<ActionData>({ form, errors, values }, { status });
  // A page opened before the berita acara went out may still post: refused, with the reason.
  const locked = lockOf(minutesOfMeeting(actor, id)?.status);
  if (locked && intent.data !== "send-email" && intent.data !== "minutes-create") return bad("locked", { _form: locked }, 409);

  switch (intent.data) {
    case "update": {
      const result = validate(meetingSchema, values);
      if (!result.ok) return bad("details", result.errors);
      const { errors } = meetingDateProblems(result.data);
      if (Object.keys(errors).length) return bad("details", errors);
      if (!updateMeeting(actor, id, Number(values.version), result.data)) {
        return bad(
          "details",
          {
            _form:
              "Rapat ini baru saja diubah oleh orang lain, sehingga perubahan Anda belum disimpan. Isian Anda masih ada di bawah; muat ulang halaman untuk melihat versi terbaru, lalu simpan lagi.",
          },
          409
        );
      }
      return here("rincian", "Rincian rapat tersimpan.");
    }
    case "status": {
      const to = z.enum(MEETING_STATUSES).safeParse(values.to);
      if (!to.success) fail(400);
      const result = setStatus(actor, id, to.data);
      if (!result.ok) return bad("status", { _form: result.message }, 409);
      return here("status", `Status rapat: ${STATUS_LABELS[to.data]}.`);
    }
    case "postpone": {
      const reason = String(values.reason ?? "").trim();
      if (reason.length < 10)
        return bad("status", {
          reason: "Tuliskan alasan penundaan (minimal 10 karakter).",
        });
      if (reason.length > 1000)
        return bad("status", {
          reason: "Alasan penundaan paling banyak 1.000 karakter.",
        });
      recordPostponement(actor, id, reason);
      return here("status", "Keputusan penundaan dicatat.");
    }
    case "agenda-add":
    case "agenda-update": {
      const result = validate(agendaItemSchema, values);
      const form = intent.data === "agenda-add" ? "agenda-add" : `agenda-${values.itemId}`;
      if (!result.ok) return bad(form, result.errors);
      if (intent.data === "agenda-add") addAgendaItem(actor, id, result.data);
      else updateAgendaItem(actor, id, num(values.itemId), result.data);
      return here("agenda");
    }
    case "agenda-move":
    case "agenda-up":
    case "agenda-down":
      moveAgendaItem(actor, id, num(values.itemId), intent.data === "agenda-up" || (intent.data === "agenda-move" && values.direction === "up") ? "up" : "down");
      return here("agenda");
    case "agenda-remove":
      removeAgendaItem(actor, id, num(values.itemId));
      return here("agenda");
    case "carry-accept":
    case "carry-dismiss":
      decideCarryOver(actor, id, num(values.itemId), intent.data === "carry-accept" ? "accepted" : "dismissed");
      return here("agenda");
    case "attendance": {
      const statuses = (values.status ?? {}) as Record<string, string>;
      const notes = (values.note ?? {}) as Record<string, string>;
      const names = (values.attendee ?? {}) as Record<string, string>;
      // The fields carry maxLength; a longer value is refused whole rather than cut.
      if (Object.values(notes).some((n) => String(n).length > 300))
        return bad("attendance", {
          _form: "Keterangan kehadiran paling banyak 300 karakter. Daftar hadir belum disimpan.",
        });
      if (Object.values(names).some((n) => String(n).trim().length > 120))
        return bad("attendance", {
          _form: "Nama yang hadir paling banyak 120 karakter. Daftar hadir belum disimpan.",
        });
      const entries = Object.entries(statuses)
        .filter(([, s]) => s !== "")
        .map(([membershipId, status]) => {
          const parsed = z.enum(ATTENDANCE_STATUSES).safeParse(status);
          if (!parsed.success) fail(400, "Status kehadiran tidak dikenal.");
          return {
            membershipId: num(membershipId),
            status: parsed.data,
            note: String(notes[membershipId] ?? ""),
          };
        });
      saveCommissionerAttendance(actor, id, entries);
      const present = (values.present ?? {}) as Record<string, string>;
      saveOrganisationAttendance(
        actor,
        id,
        Object.keys(present).map((invitationId) => ({
          invitationId: num(invitationId),
          present: present[invitationId] === "hadir",
          attendeeName: String(names[invitationId] ?? "").trim(),
        }))
      );
      return here("kehadiran", "Daftar hadir tersimpan.");
    }
    case "decision-add": {
      const text = String(values.text ?? "").trim();
      if (text.length < 3) return bad("decision", { text: "Tuliskan isi keputusan." });
      if (text.length > 2000)
        return bad("decision", {
          text: "Keputusan paling banyak 2.000 karakter.",
        });
      addDecision(actor, id, text);
      return here("keputusan");
    }
    case "decision-remove":
      removeDecision(actor, id, num(values.decisionId));
      return here("keputusan");
    case "invite": {
      const stakeholderId = Number(values.stakeholderId);
      if (!Number.isSafeInteger(stakeholderId) || stakeholderId <= 0)
        return bad("invite", {
          stakeholderId: "Pilih organisasi yang diundang.",
        });
      const contactId = values.contactId ? Number(values.contactId) : null;
      const result = invite(actor, id, stakeholderId, contactId && Number.isSafeInteger(contactId) ? contactId : null);
      if (result.error) return bad("invite", result.error as FieldErrors);
      // The picker stays open for the next organisation.
      return redirect(`/rapat/${id}?undang=1&pesan=${encodeURIComponent("Undangan ditambahkan.")}#undangan`);
    }
    case "invite-remove":
      removeInvitation(actor, id, num(values.invitationId));
      return here("undangan");
    case "minutes-create": {
      const m = createMinutes(actor, id, requestOrigin(args));
      return redirect(`/berita-acara/${m.id}`);
    }
    case "send-email": {
      const result = await emailInvitation(actor, id, num(values.invitationId));
      return here("undangan", result.message);
    }
  }
  return json<ActionData>({
    form: "",
    errors: {},
    values: { meeting: meeting.id },
  });
}

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const CHANNEL_LABELS = {
  letter: "surat PDF",
  ics: "kalender",
  whatsapp: "WhatsApp",
  email: "e-mail",
} as const;

export default function MeetingPage() {
  const d = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { meeting, canEdit } = d;
  const errorsOf = (form: string) => (data?.form === form ? data.errors : {});
  const valuesOf = (form: string, fallback: Record<string, unknown>) => (data?.form === form ? data.values : fallback);
  const detail = valuesOf("details", meeting);
  // The edit form of one agenda item is drawn only when asked for (?ubah=id) or when its save was refused.
  const refusedItem = /^agenda-(\d+)$/.exec(data?.form ?? "")?.[1];
  // The invitation picker: open on ?undang / ?organisasi (the loader then sends the organisations).
  const picker = d.organisationPicker;
  const editingDetails = data?.form === "details" || params.get("ubah") === "rincian";
  const editingItem = Number(refusedItem ?? params.get("ubah") ?? 0);
  const next: Record<string, string[]> = {
    draf: ["dijadwalkan", "dibatalkan"],
    dijadwalkan: ["berlangsung", "selesai", "dibatalkan"],
    berlangsung: ["selesai", "dibatalkan"],
    selesai: [],
    dibatalkan: ["dijadwalkan"],
    ba_ditandatangani: [],
  };
  return (
    <PageForms>
      <div className="stack">
        <p className="no-print">
          <PageLink to="/rapat">← Rapat</PageLink>
        </p>
        <div className="page-head">
          <div>
            <h1>{meeting.title}</h1>
            <p className="lead">
              {KIND_LABELS[meeting.kind]} · periode {meeting.periodWords} · {meeting.when} ({d.zone})
            </p>
            <p>
              <span className="badge">{STATUS_LABELS[meeting.status]}</span>{" "}
              {meeting.overdue ? <span className="badge badge--bad">terlambat: batas {meeting.dueDate}</span> : <span className="muted">batas waktu {meeting.dueDate}</span>}
            </p>
          </div>
          <div className="row no-print">
            {d.isSecretariat ? (
              <PageLink className="button button--secondary" to={`/rapat/${meeting.id}/tanggapan`}>
                Tanggapan peserta
              </PageLink>
            ) : null}
            {d.minutes ? (
              <PageLink className="button" to={`/berita-acara/${d.minutes.id}`}>
                Berita acara {d.minutes.number}
              </PageLink>
            ) : d.isSecretariat ? (
              <PostForm>
                <input type="hidden" name="intent" value="minutes-create" />
                <button type="submit" className="button">
                  Buat draf berita acara
                </button>
              </PostForm>
            ) : null}
            <a className="button button--secondary" href={`/rapat/${meeting.id}/berita-acara.pdf`}>
              Pratinjau berita acara (PDF)
            </a>
            <a className="button button--secondary" href={`/rapat/${meeting.id}/daftar-hadir.pdf`}>
              Daftar hadir (PDF)
            </a>
            <a className="button button--secondary" href={`/rapat/${meeting.id}/berkas.zip`} download id="berkas-rapat">
              Unduh berkas rapat (ZIP)
            </a>
          </div>
        </div>
        {params.get("berkas") && DOSSIER_PROBLEMS[params.get("berkas")!] ? (
          <div className="alert alert--warn" role="alert">
            {DOSSIER_PROBLEMS[params.get("berkas")!]}
          </div>
        ) : null}
        <FormAlert errors={errorsOf("locked")} />
        {d.locked && d.isSecretariat && data?.form !== "locked" ? (
          <div className="alert alert--warn" role="status">
            {d.locked}
          </div>
        ) : null}
        {params.get("pesan") && !data ? (
          <div className="alert alert--ok" role="status">
            {params.get("pesan")}
          </div>
        ) : null}

        <section className="card" id="status" aria-labelledby="status-title">
          <h2 id="status-title">Status dan kuorum</h2>
          <p>
            Tempat: <strong>{meeting.place}</strong> · Pimpinan rapat: <strong>{meeting.chair ?? "belum ditentukan"}</strong>
          </p>
          <p className={d.quorum.reached ? "" : "field-error"}>{describeQuorum(d.quorum)}</p>
          {meeting.postponedAt ? <div className="alert alert--warn">Rapat ditunda. Alasan: {meeting.postponeReason}</div> : null}
          <FormAlert errors={errorsOf("status")} />
          {canEdit ? (
            <div className="row">
              {next[meeting.status].map((to) => (
                <PostForm key={to}>
                  <input type="hidden" name="intent" value="status" />
                  <input type="hidden" name="to" value={to} />
                  <button type="submit" className="button button--secondary">
                    Tandai {STATUS_LABELS[to as keyof typeof STATUS_LABELS].toLowerCase()}
                  </button>
                </PostForm>
              ))}
            </div>
          ) : null}
          {canEdit && !d.quorum.reached && !meeting.postponedAt && meeting.status !== "selesai" ? (
            <PostForm noValidate>
              <input type="hidden" name="intent" value="postpone" />
              <TextArea label="Keputusan penundaan karena kuorum tidak terpenuhi (alasan)" name="reason" rows={2} maxLength={1000} error={errorsOf("status").reason} />
              <button type="submit" className="button button--secondary">
                Catat penundaan
              </button>
            </PostForm>
          ) : null}
        </section>

        {canEdit ? (
          <section className="card" id="rincian" aria-labelledby="detail-title">
            <h2 id="detail-title">Rincian rapat</h2>
            {editingDetails ? null : (
              <p>
                <PageLink to="?ubah=rincian#rincian" preventScrollReset className="button button--secondary">
                  Ubah jenis, periode, judul, waktu, tempat atau pimpinan rapat
                </PageLink>
              </p>
            )}
            <FormAlert errors={errorsOf("details")} />
            {editingDetails ? (
              <PostForm noValidate>
                <input type="hidden" name="intent" value="update" />
                <input type="hidden" name="version" value={str(detail.version)} />
                <div className="form-grid">
                  <SelectField
                    label="Jenis rapat"
                    name="kind"
                    options={MEETING_KINDS.map((k) => ({
                      value: k,
                      label: KIND_LABELS[k],
                    }))}
                    defaultValue={str(detail.kind)}
                    error={errorsOf("details").kind}
                  />
                  <TextField label="Periode" name="period" defaultValue={str(detail.period)} hint="2025-10, 2025-Q4 atau 2025-S2" error={errorsOf("details").period} />
                  <TextField label="Judul rapat" name="title" defaultValue={str(detail.title)} maxLength={200} error={errorsOf("details").title} />
                  <TextField label="Tanggal" name="date" type="date" defaultValue={str(detail.date)} error={errorsOf("details").date} />
                  <TextField label={`Jam mulai (${d.zoneLabel})`} name="startTime" type="time" defaultValue={str(detail.startTime)} error={errorsOf("details").startTime} />
                  <TextField label={`Jam selesai (${d.zoneLabel})`} name="endTime" type="time" defaultValue={str(detail.endTime)} error={errorsOf("details").endTime} />
                  <TextField label="Tempat" name="place" defaultValue={str(detail.place)} maxLength={200} error={errorsOf("details").place} />
                  <SelectField
                    label="Pimpinan rapat"
                    name="chairMembershipId"
                    placeholder="— belum ditentukan —"
                    options={d.commissioners.map((c) => ({
                      value: String(c.id),
                      label: c.label,
                    }))}
                    defaultValue={str(detail.chairMembershipId)}
                    error={errorsOf("details").chairMembershipId}
                  />
                </div>
                <div className="row">
                  <button type="submit" className="button">
                    Simpan rincian
                  </button>
                  <PageLink to="?#rincian" preventScrollReset className="button button--secondary">
                    Batal
                  </PageLink>
                </div>
              </PostForm>
            ) : null}
          </section>
        ) : null}

        {d.recap ? (
          <section className="card" id="rekap" aria-labelledby="recap-title">
            <h2 id="recap-title">Ringkasan rekapitulasi DPB {periodInWords(d.recap.period)}</h2>
            <p>
              {formatNumber(d.recap.areas)} kecamatan · versi {d.recap.version} ·{" "}
              <span className={`badge ${d.recap.status === "ditetapkan" ? "badge--ok" : ""}`}>{d.recap.status}</span>
            </p>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Uraian</th>
                    <th scope="col" className="num">
                      L
                    </th>
                    <th scope="col" className="num">
                      P
                    </th>
                    <th scope="col" className="num">
                      L+P
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(
                    [
                      ["DPB periode sebelumnya", d.recap.previous],
                      ["Pemilih baru", d.recap.newVoters],
                      ["Tidak memenuhi syarat (TMS)", d.recap.tms],
                      ["DPB", d.recap.dpb],
                    ] as const
                  ).map(([label, v]) => (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      <td className="num">{formatNumber(v.l)}</td>
                      <td className="num">{formatNumber(v.p)}</td>
                      <td className="num">{formatNumber(v.l + v.p)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted">Perbaikan data: {formatNumber(d.recap.corrections)} rekaman (tidak mengubah jumlah DPB).</p>
          </section>
        ) : null}

        {d.deliveries.length ? (
          <section className="card" id="masukan-data" aria-labelledby="deliveries-title">
            <h2 id="deliveries-title">Masukan data dari pemangku kepentingan</h2>
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel masukan data, dapat digulir ke samping">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Organisasi</th>
                    <th scope="col">Data</th>
                    <th scope="col" className="num">
                      Jumlah rekaman
                    </th>
                    <th scope="col">Diterima</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="num">
                      Menjadi TMS
                    </th>
                    <th scope="col" className="num">
                      Menjadi pemilih baru
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.deliveries.map((x) => (
                    <tr key={x.id}>
                      <td>{x.organisation}</td>
                      <td>{DELIVERY_KIND_LABELS[x.kind]}</td>
                      <td className="num">{formatNumber(x.records)}</td>
                      <td>{x.receivedOn}</td>
                      <td>{DELIVERY_STATUS_LABELS[x.status]}</td>
                      <td className="num">{formatNumber(x.tms)}</td>
                      <td className="num">{formatNumber(x.newVoters)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}

        <section className="card" id="agenda" aria-labelledby="agenda-title">
          <h2 id="agenda-title">Agenda</h2>
          {d.proposals.length ? (
            <div className="alert alert--warn">
              <p>Usulan agenda lanjutan dari rapat periode sebelumnya yang belum selesai:</p>
              <ul className="list-plain">
                {d.proposals.map((p) => (
                  <li key={p.id} className="row">
                    <span>
                      {p.title} ({periodInWords(p.fromPeriod)})
                    </span>
                    {canEdit ? (
                      <>
                        <PostForm>
                          <input type="hidden" name="intent" value="carry-accept" />
                          <input type="hidden" name="itemId" value={p.id} />
                          <button type="submit" className="button button--small">
                            Masukkan ke agenda
                          </button>
                        </PostForm>
                        <PostForm>
                          <input type="hidden" name="intent" value="carry-dismiss" />
                          <input type="hidden" name="itemId" value={p.id} />
                          <button type="submit" className="button button--small button--secondary">
                            Abaikan
                          </button>
                        </PostForm>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.followUps.length ? (
            <div className="alert alert--warn">
              <p>Tindak lanjut tanggapan peserta yang belum selesai dari rapat sebelumnya (dibahas kembali pada rapat ini):</p>
              <ul>
                {d.followUps.map((f) => (
                  <li key={f.id}>
                    <strong>{f.organisation}</strong> ({periodInWords(f.fromPeriod)}): {f.description}{" "}
                    <span className="muted">— {f.status ? FOLLOW_UP_LABELS[f.status] : "belum dijawab"}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ol className="agenda">
            {d.agenda.map((item, i) => (
              <li key={item.id} id={`butir-${item.id}`}>
                <div className="row">
                  <strong>{item.title}</strong>
                  <span className="muted">
                    {item.presenter ? `${item.presenter} · ` : ""}
                    {item.durationMinutes} menit
                  </span>
                  {item.outcome ? (
                    <span className={`badge ${item.outcome === "selesai" ? "badge--ok" : "badge--warn"}`}>{item.outcome === "selesai" ? "selesai" : "belum selesai"}</span>
                  ) : null}
                </div>
                {item.notes ? <p className="muted">{item.notes}</p> : null}
                {canEdit ? (
                  <div className="row no-print">
                    {editingItem === item.id ? null : (
                      <PageLink to={`?ubah=${item.id}#butir-${item.id}`} preventScrollReset className="button button--small button--ghost" aria-label={`Ubah ${item.title}`}>
                        Ubah
                      </PageLink>
                    )}
                    {/* One form per item; the button pressed says what to do. */}
                    <PostForm className="row">
                      <input type="hidden" name="itemId" value={item.id} />
                      {i > 0 ? (
                        <button type="submit" name="intent" value="agenda-up" className="button button--small button--ghost">
                          <span aria-hidden="true">↑</span> Naikkan<span className="visually-hidden"> {item.title}</span>
                        </button>
                      ) : null}
                      {i < d.agenda.length - 1 ? (
                        <button type="submit" name="intent" value="agenda-down" className="button button--small button--ghost">
                          <span aria-hidden="true">↓</span> Turunkan<span className="visually-hidden"> {item.title}</span>
                        </button>
                      ) : null}
                      <button type="submit" name="intent" value="agenda-remove" className="button button--small button--ghost" aria-label={`Hapus ${item.title}`}>
                        Hapus
                      </button>
                    </PostForm>
                  </div>
                ) : null}
                {canEdit && editingItem === item.id ? (
                  <PostForm noValidate aria-label={`Ubah butir agenda ${item.title}`}>
                    <input type="hidden" name="intent" value="agenda-update" />
                    <input type="hidden" name="itemId" value={item.id} />
                    <AgendaFields prefix={`a${item.id}-`} values={valuesOf(`agenda-${item.id}`, item)} errors={errorsOf(`agenda-${item.id}`)} />
                    <div className="row">
                      <button type="submit" className="button button--small">
                        Simpan
                      </button>
                      <PageLink to="?#agenda" preventScrollReset className="button button--small button--secondary">
                        Batal
                      </PageLink>
                    </div>
                  </PostForm>
                ) : null}
              </li>
            ))}
          </ol>
          {canEdit ? (
            <details open={data?.form === "agenda-add"}>
              <summary>Tambah butir agenda</summary>
              <PostForm noValidate>
                <input type="hidden" name="intent" value="agenda-add" />
                <AgendaFields prefix="new-" values={valuesOf("agenda-add", { durationMinutes: 15 })} errors={errorsOf("agenda-add")} />
                <button type="submit" className="button button--small">
                  Tambah
                </button>
              </PostForm>
            </details>
          ) : null}
        </section>

        <section className="card" id="undangan" aria-labelledby="inv-title">
          <h2 id="inv-title">Undangan</h2>
          {d.invitations.length === 0 ? <p>Belum ada organisasi yang diundang.</p> : null}
          {d.invitations.length ? (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Organisasi</th>
                    <th scope="col">Kontak</th>
                    <th scope="col">Kirim</th>
                    <th scope="col">Riwayat pengiriman</th>
                  </tr>
                </thead>
                <tbody>
                  {d.invitations.map((inv) => (
                    <tr key={inv.id}>
                      <td>{inv.organisation}</td>
                      <td>{inv.contact ? inv.contact.name : <span className="muted">tanpa kontak</span>}</td>
                      <td>
                        <div className="stack-tight">
                          <a href={`/rapat/${meeting.id}/undangan/${inv.id}.pdf`}>Surat (PDF)</a>
                          <a href={`/rapat/${meeting.id}/undangan/${inv.id}.ics`}>Kalender (.ics)</a>
                          {inv.contact?.whatsapp ? (
                            <a href={`/rapat/${meeting.id}/undangan/${inv.id}/wa`} target="_blank" rel="noreferrer">
                              WhatsApp
                            </a>
                          ) : null}
                          {canEdit && inv.contact?.email ? (
                            <PostForm>
                              <input type="hidden" name="intent" value="send-email" />
                              <input type="hidden" name="invitationId" value={inv.id} />
                              <button type="submit" className="link-button">
                                Kirim e-mail
                              </button>
                            </PostForm>
                          ) : null}
                        </div>
                      </td>
                      <td>
                        {inv.deliveries.length === 0 ? (
                          <span className="muted">belum dikirim</span>
                        ) : (
                          <ul className="list-plain">
                            {inv.deliveries.map((x, i) => (
                              <li key={i}>
                                {CHANNEL_LABELS[x.channel]}: {x.at}
                                {x.by ? ` oleh ${x.by}` : ""}
                              </li>
                            ))}
                          </ul>
                        )}
                        {canEdit ? (
                          <PostForm>
                            <input type="hidden" name="intent" value="invite-remove" />
                            <input type="hidden" name="invitationId" value={inv.id} />
                            <button type="submit" className="link-button">
                              Batalkan undangan
                            </button>
                          </PostForm>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {canEdit && !picker ? (
            <p className="no-print">
              <PageLink to="?undang=1#undangan" preventScrollReset className="button button--secondary">
                Tambah undangan
              </PageLink>
            </p>
          ) : null}
          {picker && (picker.total > picker.limit || picker.q) ? (
            <Form method="get" className="row" preventScrollReset>
              <input type="hidden" name="undang" value="1" />
              <TextField
                label="Cari organisasi untuk diundang"
                name="organisasi"
                type="search"
                maxLength={100}
                defaultValue={picker.q}
                hint={
                  picker.total > picker.shown
                    ? `Daftar di bawah menampilkan ${formatNumber(picker.shown)} dari ${formatNumber(picker.total)} organisasi${
                        picker.q ? " yang cocok" : ""
                      }. Ketik sebagian nama untuk mempersempit.`
                    : `${formatNumber(picker.total)} organisasi cocok dengan pencarian.`
                }
              />
              <button type="submit" className="button button--secondary">
                Cari
              </button>
            </Form>
          ) : null}
          {picker ? (
            <PostForm noValidate className="row">
              <input type="hidden" name="intent" value="invite" />
              <SelectField
                label="Undang organisasi"
                name="stakeholderId"
                placeholder="— pilih organisasi —"
                options={d.organisations.map((o) => ({
                  value: String(o.id),
                  label: o.name,
                }))}
                defaultValue={str(valuesOf("invite", {}).stakeholderId)}
                error={errorsOf("invite").stakeholderId}
              />
              <SelectField
                label="Kontak (opsional)"
                name="contactId"
                placeholder="— kontak pertama organisasi —"
                options={d.organisations.flatMap((o) =>
                  o.contacts.map((c) => ({
                    value: String(c.id),
                    label: `${c.name} — ${o.name}`,
                  }))
                )}
                defaultValue={str(valuesOf("invite", {}).contactId)}
                error={errorsOf("invite").contactId}
              />
              <button type="submit" className="button">
                Undang
              </button>
              <PageLink to="?#undangan" preventScrollReset className="button button--secondary">
                Selesai mengundang
              </PageLink>
            </PostForm>
          ) : null}
        </section>

        <section className="card" id="kehadiran" aria-labelledby="att-title">
          <h2 id="att-title">Daftar hadir</h2>
          <PostForm>
            <input type="hidden" name="intent" value="attendance" />
            <FormAlert errors={errorsOf("attendance")} />
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
              <table>
                <caption>Komisioner</caption>
                <thead>
                  <tr>
                    <th scope="col">Nama</th>
                    <th scope="col">Kehadiran</th>
                    <th scope="col">Keterangan</th>
                  </tr>
                </thead>
                <tbody>
                  {d.attendance.map((a) => (
                    <tr key={a.membershipId}>
                      <td>
                        {a.name}
                        <br />
                        <small className="muted">
                          {a.title}
                          {a.division ? `, ${a.division}` : ""}
                        </small>
                      </td>
                      <td>
                        <label className="visually-hidden" htmlFor={`st-${a.membershipId}`}>
                          Kehadiran {a.name}
                        </label>
                        <select id={`st-${a.membershipId}`} name={`status.${a.membershipId}`} defaultValue={a.status ?? ""} disabled={!canEdit}>
                          <option value="">— belum dicatat —</option>
                          {ATTENDANCE_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {ATTENDANCE_LABELS[s]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <label className="visually-hidden" htmlFor={`nt-${a.membershipId}`}>
                          Keterangan {a.name}
                        </label>
                        <input id={`nt-${a.membershipId}`} name={`note.${a.membershipId}`} defaultValue={a.note} maxLength={300} disabled={!canEdit} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {d.invitations.length ? (
              <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
                <table>
                  <caption>Organisasi yang diundang</caption>
                  <thead>
                    <tr>
                      <th scope="col">Organisasi</th>
                      <th scope="col">Kehadiran</th>
                      <th scope="col">Nama yang hadir</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.invitations.map((inv) => (
                      <tr key={inv.id}>
                        <td>{inv.organisation}</td>
                        <td>
                          <label className="visually-hidden" htmlFor={`pr-${inv.id}`}>
                            Kehadiran {inv.organisation}
                          </label>
                          <select id={`pr-${inv.id}`} name={`present.${inv.id}`} defaultValue={inv.present === null ? "" : inv.present ? "hadir" : "tidak"} disabled={!canEdit}>
                            <option value="">— belum dicatat —</option>
                            <option value="hadir">Hadir</option>
                            <option value="tidak">Tidak hadir</option>
                          </select>
                        </td>
                        <td>
                          <label className="visually-hidden" htmlFor={`an-${inv.id}`}>
                            Nama yang hadir dari {inv.organisation}
                          </label>
                          <input id={`an-${inv.id}`} name={`attendee.${inv.id}`} defaultValue={inv.attendeeName} maxLength={120} disabled={!canEdit} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {canEdit ? (
              <button type="submit" className="button">
                Simpan daftar hadir
              </button>
            ) : null}
          </PostForm>
        </section>

        <section className="card" id="keputusan" aria-labelledby="dec-title">
          <h2 id="dec-title">Keputusan rapat</h2>
          {d.decisions.length === 0 ? <p>Belum ada keputusan yang dicatat.</p> : null}
          <ol>
            {d.decisions.map((x) => (
              <li key={x.id}>
                {x.text}{" "}
                {canEdit ? (
                  <PostForm className="inline-form">
                    <input type="hidden" name="intent" value="decision-remove" />
                    <input type="hidden" name="decisionId" value={x.id} />
                    <button type="submit" className="link-button">
                      hapus
                    </button>
                  </PostForm>
                ) : null}
              </li>
            ))}
          </ol>
          {canEdit ? (
            <PostForm noValidate>
              <input type="hidden" name="intent" value="decision-add" />
              <TextArea label="Keputusan baru" name="text" rows={2} maxLength={2000} defaultValue={str(valuesOf("decision", {}).text)} error={errorsOf("decision").text} />
              <button type="submit" className="button button--small">
                Tambah keputusan
              </button>
            </PostForm>
          ) : null}
        </section>
      </div>
    </PageForms>
  );
}

function AgendaFields({ prefix, values, errors }: { prefix: string; values: Record<string, unknown>; errors: Record<string, string> }) {
  return (
    <div className="form-grid">
      <TextField id={`${prefix}title`} label="Judul" name="title" maxLength={200} defaultValue={str(values.title)} error={errors.title} />
      <TextField id={`${prefix}presenter`} label="Penyaji" name="presenter" maxLength={120} defaultValue={str(values.presenter)} error={errors.presenter} />
      <TextField
        id={`${prefix}duration`}
        label="Durasi (menit)"
        name="durationMinutes"
        type="number"
        min={1}
        max={600}
        defaultValue={str(values.durationMinutes)}
        error={errors.durationMinutes}
      />
      <SelectField
        id={`${prefix}outcome`}
        label="Hasil"
        name="outcome"
        placeholder="— belum —"
        options={[
          { value: "selesai", label: "Selesai" },
          { value: "belum_selesai", label: "Belum selesai" },
        ]}
        defaultValue={str(values.outcome)}
        error={errors.outcome}
      />
      <TextArea id={`${prefix}notes`} label="Catatan" name="notes" rows={2} maxLength={2000} defaultValue={str(values.notes)} error={errors.notes} />
    </div>
  );
}
