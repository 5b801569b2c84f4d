import { describe, expect, it } from "vitest";
import { allowedVisitActions, canEditVisit, canSeeVisit, nextVisitStatus } from "../../app/domain/visit-workflow";

const HOST = 1;
const GUEST = 2;
const visit = (status: "draf" | "menunggu_konfirmasi" | "terbit" | "dikembalikan") => ({ status, hostOfficeId: HOST, visitingOfficeId: GUEST });

describe("visit report workflow", () => {
  it("moves draf → menunggu konfirmasi → terbit, or back to dikembalikan and again", () => {
    expect(nextVisitStatus("draf", "submit")).toBe("menunggu_konfirmasi");
    expect(nextVisitStatus("menunggu_konfirmasi", "confirm")).toBe("terbit");
    expect(nextVisitStatus("menunggu_konfirmasi", "return")).toBe("dikembalikan");
    expect(nextVisitStatus("dikembalikan", "submit")).toBe("menunggu_konfirmasi");
    expect(nextVisitStatus("draf", "confirm")).toBeNull();
    expect(nextVisitStatus("terbit", "return")).toBeNull();
  });

  it("shows unpublished reports to the two offices only, drafts to the visiting office only", () => {
    expect(canSeeVisit(visit("terbit"), null)).toBe(true);
    expect(canSeeVisit(visit("menunggu_konfirmasi"), null)).toBe(false);
    expect(canSeeVisit(visit("menunggu_konfirmasi"), { officeId: 3, role: "secretariat" })).toBe(false);
    expect(canSeeVisit(visit("menunggu_konfirmasi"), { officeId: HOST, role: "commissioner" })).toBe(true);
    expect(canSeeVisit(visit("draf"), { officeId: HOST, role: "secretariat" })).toBe(false);
    expect(canSeeVisit(visit("draf"), { officeId: GUEST, role: "visitor" })).toBe(true);
  });

  it("lets the visiting writers edit and submit, and the host secretariat confirm or return", () => {
    expect(canEditVisit(visit("draf"), { officeId: GUEST, role: "visitor" })).toBe(true);
    expect(canEditVisit(visit("draf"), { officeId: GUEST, role: "commissioner" })).toBe(false);
    expect(canEditVisit(visit("menunggu_konfirmasi"), { officeId: GUEST, role: "secretariat" })).toBe(false);
    expect(allowedVisitActions(visit("dikembalikan"), { officeId: GUEST, role: "secretariat" })).toEqual(["submit"]);
    expect(allowedVisitActions(visit("menunggu_konfirmasi"), { officeId: HOST, role: "secretariat" })).toEqual(["confirm", "return"]);
    expect(allowedVisitActions(visit("menunggu_konfirmasi"), { officeId: HOST, role: "commissioner" })).toEqual([]);
    expect(allowedVisitActions(visit("menunggu_konfirmasi"), { officeId: GUEST, role: "secretariat" })).toEqual([]);
    expect(allowedVisitActions(visit("terbit"), { officeId: HOST, role: "secretariat" })).toEqual([]);
  });
});
