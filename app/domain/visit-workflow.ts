/**
 * Who may do what with a visit report, and where it goes next. Pure: no I/O.
 *
 * draf ──ajukan──▶ menunggu_konfirmasi ──konfirmasi (tuan rumah)──▶ terbit
 *   ▲                   │
 *   └──ubah── dikembalikan ◀──kembalikan dengan alasan (tuan rumah)
 */
import type { Role, VisitStatus } from "../../db/schema";

export type VisitAction = "submit" | "confirm" | "return";

export type VisitParties = { status: VisitStatus; hostOfficeId: number; visitingOfficeId: number };
export type Viewer = { officeId: number; role: Role } | null;

const TRANSITIONS: Record<VisitAction, { from: VisitStatus[]; to: VisitStatus }> = {
  submit: { from: ["draf", "dikembalikan"], to: "menunggu_konfirmasi" },
  confirm: { from: ["menunggu_konfirmasi"], to: "terbit" },
  return: { from: ["menunggu_konfirmasi"], to: "dikembalikan" },
};

/** The status after an action, or null when the action does not apply to this status. */
export function nextVisitStatus(status: VisitStatus, action: VisitAction): VisitStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Staff of the visiting office who write reports. */
export function isVisitingWriter(visit: VisitParties, viewer: Viewer): boolean {
  return !!viewer && viewer.officeId === visit.visitingOfficeId && (viewer.role === "visitor" || viewer.role === "secretariat");
}

/** The host office's secretariat confirms or returns. */
export function isHostSecretariat(visit: VisitParties, viewer: Viewer): boolean {
  return !!viewer && viewer.officeId === visit.hostOfficeId && viewer.role === "secretariat";
}

/**
 * Published reports are public. Before that a draft is seen by the visiting office only; a report
 * waiting for or returned from confirmation by both offices.
 */
export function canSeeVisit(visit: VisitParties, viewer: Viewer): boolean {
  if (visit.status === "terbit") return true;
  if (!viewer) return false;
  if (viewer.officeId === visit.visitingOfficeId) return true;
  return visit.status !== "draf" && viewer.officeId === visit.hostOfficeId;
}

export function canEditVisit(visit: VisitParties, viewer: Viewer): boolean {
  return isVisitingWriter(visit, viewer) && (visit.status === "draf" || visit.status === "dikembalikan");
}

export function allowedVisitActions(visit: VisitParties, viewer: Viewer): VisitAction[] {
  const actions: VisitAction[] = [];
  if (isVisitingWriter(visit, viewer) && nextVisitStatus(visit.status, "submit")) actions.push("submit");
  if (isHostSecretariat(visit, viewer) && nextVisitStatus(visit.status, "confirm")) actions.push("confirm", "return");
  return actions;
}
