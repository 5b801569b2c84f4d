import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { guard, type Actor } from "../../app/auth/guard.server";
import { db } from "../../app/db.server";
import { sumLP, type Problem } from "../../app/domain/recap";
import { recapCsv, recapXlsx } from "../../app/lib/recap-file.server";
import { determineRecap, rowsOf, tmsCategoriesOf, versionsOf } from "../../app/models/recap.server";
import * as exportRoute from "../../app/routes/rekap.$id.ekspor";
import * as recapRoute from "../../app/routes/rekap.$id";
import * as importRoute from "../../app/routes/rekap.impor";
import * as indexRoute from "../../app/routes/rekap._index";
import * as deliveriesRoute from "../../app/routes/rekap.masukan-data";
import * as categoriesRoute from "../../app/routes/rekap.kategori-tms";
import { dataDeliveries, offices, recaps } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { BASE, bodyOf, call, cookieFor } from "../helpers/http";

const SEC_A = "sekretariat1.jepara@pleno.demo";
let cookieA: string;
let jeparaId: number;

beforeAll(() => {
  useTestDatabase();
  cookieA = cookieFor(SEC_A);
  jeparaId = db().select().from(offices).where(eq(offices.code, "33.20")).get()!.id;
});

async function actorFor(cookie: string): Promise<Actor> {
  return guard({ request: new Request(`${BASE}/`, { headers: { Cookie: cookie } }) }, { access: "signed-in" });
}

const recapOf = (period: string, version = 1) =>
  db()
    .select()
    .from(recaps)
    .where(and(eq(recaps.officeId, jeparaId), eq(recaps.period, period), eq(recaps.version, version)))
    .get();

const countFor = (period: string) =>
  db()
    .select()
    .from(recaps)
    .where(and(eq(recaps.officeId, jeparaId), eq(recaps.period, period)))
    .all().length;

/** Rows for a new period after Triwulan III 2025: previous = the determined DPB, small movements. */
function nextPeriodRows() {
  const q3 = recapOf("2025-Q3")!;
  const names = new Map(
    (db().$client.prepare("select code, name from areas where parent_code = '33.20'").all() as { code: string; name: string }[]).map((a) => [a.code, a.name]),
  );
  return rowsOf(q3.id).map((r) => {
    const tms = { "1": { l: 3, p: 2 }, "2": { l: 1, p: 1 } };
    const row = { areaCode: r.areaCode, previous: r.dpb, newVoters: { l: 10, p: 12 }, tms, corrections: { l: 4, p: 4 } };
    return {
      ...row,
      tmsTotal: { l: 4, p: 3 },
      dpb: { l: r.dpb.l + 10 - 4, p: r.dpb.p + 12 - 3 },
      name: names.get(r.areaCode)!,
    };
  });
}

function exportInput(rows: ReturnType<typeof nextPeriodRows>) {
  return {
    officeName: "KPU Kabupaten Jepara",
    periodLabel: "Triwulan I 2026",
    levelLabel: "Kecamatan",
    categories: tmsCategoriesOf(jeparaId).map((c) => ({ code: c.code, label: c.label })),
    rows,
  };
}

function uploadForm(period: string, content: BlobPart, name: string, type = "text/csv") {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("period", period);
  form.set("level", "kecamatan");
  form.set("file", new File([content], name, { type }));
  return form;
}

type Preview = {
  step: string;
  error?: string;
  token: string;
  problems: Problem[];
  missing: string[];
  mapping: Record<string, number>;
  rows: { line: number; area: string; name: string; cells: Record<string, string> }[];
};

/** The preview's grid posted back as the browser would post it. */
function saveForm(period: string, preview: Preview, change?: (i: number, key: string, value: string) => string) {
  const form = new FormData();
  form.set("intent", "save");
  form.set("period", period);
  form.set("level", "kecamatan");
  form.set("token", preview.token);
  form.set("mapping", JSON.stringify(preview.mapping));
  preview.rows.forEach((r, i) => {
    form.set(`line|${i}`, String(r.line));
    form.set(`cell|${i}|area`, r.area);
    for (const [k, v] of Object.entries(r.cells)) {
      if (k.endsWith(".lp") || k.startsWith("dpb.") || k.startsWith("tmsTotal.")) continue;
      form.set(`cell|${i}|${k}`, change ? change(i, k, v) : v);
    }
  });
  return form;
}

describe("hand entry", () => {
  it("opens a new period with the previous DPB from the last determined period", async () => {
    const res = await call(indexRoute.loader, "/rekap?periode=2026-01", { cookie: cookieA });
    expect(res.status).toBe(200);
    const data = await bodyOf<{ entry: { rows: { area: string; cells: Record<string, string> }[]; previousPeriod: string } }>(res);
    expect(data.entry.previousPeriod).toBe("Triwulan III 2025");
    const q3 = rowsOf(recapOf("2025-Q3")!.id);
    expect(data.entry.rows).toHaveLength(16);
    const total = data.entry.rows.reduce((s, r) => s + Number(r.cells["previous.l"]) + Number(r.cells["previous.p"]), 0);
    expect(total).toBe(q3.reduce((s, r) => s + sumLP(r.dpb), 0));
  });

  it("shows every problem per cell and saves nothing; then saves a clean form with the DPB computed", async () => {
    const q3 = rowsOf(recapOf("2025-Q3")!.id);
    const form = new FormData();
    form.set("intent", "save");
    form.set("period", "2026-01");
    form.set("level", "kecamatan");
    q3.forEach((r, i) => {
      form.set(`cell|${i}|area`, r.areaCode);
      form.set(`cell|${i}|previous.l`, String(r.dpb.l));
      form.set(`cell|${i}|previous.p`, String(r.dpb.p));
      form.set(`cell|${i}|newVoters.l`, i === 2 ? "-5" : "7");
      form.set(`cell|${i}|newVoters.p`, i === 3 ? "2,5" : "8");
      form.set(`cell|${i}|tms.1.l`, "2");
      // Dpb and totals are never typed: a posted DPB is ignored by the grid.
      form.set(`cell|${i}|corrections.l`, "9");
    });
    const bad = await call(indexRoute.action, "/rekap", { cookie: cookieA, form });
    expect(bad.status).toBe(400);
    const { problems } = await bodyOf<{ problems: Problem[] }>(bad);
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual(["3:newVoters.l", "4:newVoters.p"]);
    expect(countFor("2026-01")).toBe(0);

    form.set("cell|2|newVoters.l", "7");
    form.set("cell|3|newVoters.p", "8");
    const ok = await call(indexRoute.action, "/rekap", { cookie: cookieA, form });
    expect(ok.status).toBe(302);
    const saved = recapOf("2026-01")!;
    expect(ok.headers.get("Location")).toBe(`/rekap/${saved.id}?disimpan=1`);
    expect(saved.status).toBe("draf");
    const rows = rowsOf(saved.id);
    expect(rows).toHaveLength(16);
    const first = rows.find((r) => r.areaCode === q3[0].areaCode)!;
    expect(first.dpb).toEqual({ l: q3[0].dpb.l + 7 - 2, p: q3[0].dpb.p + 8 });
    expect(first.corrections.l).toBe(9);
  });

  it("edits a draft in place on its page (same recap, same version)", async () => {
    const draft = recapOf("2026-01")!;
    const page = await bodyOf<{ gridRows: { area: string; line: number; cells: Record<string, string> }[] }>(
      await call(recapRoute.loader, `/rekap/${draft.id}`, { cookie: cookieA, params: { id: String(draft.id) } }),
    );
    const form = new FormData();
    form.set("intent", "save");
    page.gridRows.forEach((r, i) => {
      form.set(`line|${i}`, String(r.line));
      form.set(`cell|${i}|area`, r.area);
      for (const [k, v] of Object.entries(r.cells)) form.set(`cell|${i}|${k}`, v);
    });
    form.set("cell|0|newVoters.l", "100");
    const res = await call(recapRoute.action, `/rekap/${draft.id}`, { cookie: cookieA, params: { id: String(draft.id) }, form });
    expect(res.status).toBe(302);
    expect(countFor("2026-01")).toBe(1);
    const first = rowsOf(draft.id).find((r) => r.areaCode === page.gridRows[0].area)!;
    expect(first.newVoters.l).toBe(100);
    expect(first.dpb.l).toBe(first.previous.l + 100 - first.tmsTotal.l);
  });

  it("refuses a previous DPB that differs from the determined one", async () => {
    const q3 = rowsOf(recapOf("2025-Q3")!.id);
    const form = new FormData();
    form.set("intent", "save");
    form.set("period", "2026-02");
    form.set("cell|0|area", q3[0].areaCode);
    form.set("cell|0|previous.l", String(q3[0].dpb.l + 1));
    form.set("cell|0|previous.p", String(q3[0].dpb.p));
    const res = await call(indexRoute.action, "/rekap", { cookie: cookieA, form });
    expect(res.status).toBe(400);
    const { problems } = await bodyOf<{ problems: Problem[] }>(res);
    expect(problems).toEqual([{ row: 1, column: "previous.l", message: expect.stringContaining("berbeda dari DPB yang ditetapkan") }]);
    expect(countFor("2026-02")).toBe(0);
  });
});

describe("import", () => {
  it("imports a good CSV: mapping found from the headers, no problems, all rows saved", async () => {
    const csv = recapCsv(exportInput(nextPeriodRows()));
    const res = await call(importRoute.action, "/rekap/impor", { cookie: cookieA, form: uploadForm("2026-Q1", csv, "rekap.csv") });
    expect(res.status).toBe(200);
    const preview = await bodyOf<Preview>(res);
    expect(preview.missing).toEqual([]);
    expect(preview.problems).toEqual([]);
    expect(preview.rows).toHaveLength(16);
    const saved = await call(importRoute.action, "/rekap/impor", { cookie: cookieA, form: saveForm("2026-Q1", preview) });
    expect(saved.status).toBe(302);
    const recap = recapOf("2026-Q1")!;
    const rows = rowsOf(recap.id);
    expect(rows).toHaveLength(16);
    expect(rows.reduce((s, r) => s + sumLP(r.newVoters), 0)).toBe(16 * 22);
  });

  it("reports every problem of a bad CSV by row and column and saves nothing", async () => {
    const rows = nextPeriodRows();
    const csv = recapCsv(exportInput(rows))
      .split("\r\n")
      .map((line, i) => {
        const cells = line.split(",");
        if (i === 1) cells[1] = "33.20.99"; // unknown kecamatan (code)
        if (i === 1) cells[2] = "Atlantis";
        if (i === 2) cells[6] = "-4"; // pemilih baru L negative
        if (i === 3) cells[7] = "1.5"; // pemilih baru P not an integer
        if (i === 4) cells[cells.length - 1] = "1"; // DPB L+P does not add up
        if (i === 5) cells[3] = "1"; // previous L differs from the determined, and TMS L > previous + new
        if (i === 5) cells[9] = "500";
        return cells.join(",");
      })
      .join("\r\n");
    const res = await call(importRoute.action, "/rekap/impor", { cookie: cookieA, form: uploadForm("2026-Q2", csv, "rekap.csv") });
    const preview = await bodyOf<Preview>(res);
    const at = preview.problems.map((p) => `${p.row}:${p.column}`);
    expect(at).toContain("2:area");
    expect(at).toContain("3:newVoters.l");
    expect(at).toContain("4:newVoters.p");
    expect(at).toContain("5:dpb.lp");
    expect(at).toContain("6:previous.l");
    expect(at).toContain("6:tmsTotal.l");
    expect(preview.problems.filter((p) => p.row === 6 && p.column === "tmsTotal.l").map((p) => p.message)).toEqual([
      expect.stringContaining("Jumlah tidak sesuai"),
      expect.stringContaining("melebihi"),
    ]);
    const saved = await call(importRoute.action, "/rekap/impor", { cookie: cookieA, form: saveForm("2026-Q2", preview) });
    expect(saved.status).toBe(400);
    expect(countFor("2026-Q2")).toBe(0);
  });

  it("imports a good XLSX in the Model A-Rekap layout (two header rows), and reports a bad one", async () => {
    const rows = nextPeriodRows();
    const xlsx = await recapXlsx(exportInput(rows));
    const res = await call(importRoute.action, "/rekap/impor", {
      cookie: cookieA,
      form: uploadForm("2026-Q3", new Uint8Array(xlsx), "rekap.xlsx", "application/octet-stream"),
    });
    const preview = await bodyOf<Preview>(res);
    expect(preview.missing).toEqual([]);
    expect(preview.problems).toEqual([]);
    expect(preview.rows).toHaveLength(16);

    rows[0].newVoters = { l: -1, p: 12 };
    const badFile = await recapXlsx(exportInput(rows));
    const bad = await bodyOf<Preview>(
      await call(importRoute.action, "/rekap/impor", { cookie: cookieA, form: uploadForm("2026-Q3", new Uint8Array(badFile), "rekap.xlsx") }),
    );
    expect(bad.problems.map((p) => `${p.row}:${p.column}`)).toContain("7:newVoters.l");
    const saved = await call(importRoute.action, "/rekap/impor", { cookie: cookieA, form: saveForm("2026-Q3", bad) });
    expect(saved.status).toBe(400);
    expect(countFor("2026-Q3")).toBe(0);
  });

  it("refuses files that are not CSV or XLSX, too large, or without a header, by content", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const asPng = await call(importRoute.action, "/rekap/impor", { cookie: cookieA, form: uploadForm("2026-Q4", png, "rekap.csv") });
    expect(asPng.status).toBe(415);
    expect((await bodyOf<{ error: string }>(asPng)).error).toContain("bukan CSV atau XLSX");
    const fakeZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const asZip = await call(importRoute.action, "/rekap/impor", { cookie: cookieA, form: uploadForm("2026-Q4", fakeZip, "rekap.xlsx") });
    expect(asZip.status).toBe(415);
    const big = new Uint8Array(10 * 1024 * 1024 + 10).fill(0x31);
    const tooBig = await call(importRoute.action, "/rekap/impor", { cookie: cookieA, form: uploadForm("2026-Q4", big, "rekap.csv") });
    expect(tooBig.status).toBe(413);
    const noHeader = await call(importRoute.action, "/rekap/impor", { cookie: cookieA, form: uploadForm("2026-Q4", "a,b\n1,2\n", "x.csv") });
    expect(noHeader.status).toBe(422);
    expect(countFor("2026-Q4")).toBe(0);
  });
});

describe("determination and correction", () => {
  it("locks a determined recap; a correction is a new version with its reason in the history", async () => {
    const actor = await actorFor(cookieA);
    const draft = recapOf("2025-Q4")!;
    expect(draft.status).toBe("draf");
    const determined = determineRecap(actor, draft.id, 42);
    expect(determined.status).toBe("ditetapkan");
    expect(determined.meetingId).toBe(42);
    expect(() => determineRecap(actor, draft.id)).toThrow();

    const edit = new FormData();
    edit.set("intent", "save");
    edit.set("cell|0|area", rowsOf(draft.id)[0].areaCode);
    const refused = await call(recapRoute.action, `/rekap/${draft.id}`, { cookie: cookieA, params: { id: String(draft.id) }, form: edit });
    expect(refused.status).toBe(409);
    const viaEntry = new FormData();
    viaEntry.set("intent", "save");
    viaEntry.set("period", "2025-Q4");
    rowsOf(draft.id).forEach((r, i) => {
      viaEntry.set(`cell|${i}|area`, r.areaCode);
      viaEntry.set(`cell|${i}|previous.l`, String(r.previous.l));
      viaEntry.set(`cell|${i}|previous.p`, String(r.previous.p));
    });
    expect((await call(indexRoute.action, "/rekap", { cookie: cookieA, form: viaEntry })).status).toBe(409);

    const short = await call(recapRoute.action, `/rekap/${draft.id}`, { cookie: cookieA, params: { id: String(draft.id) }, form: { intent: "correct", reason: "salah" } });
    expect(short.status).toBe(400);
    const reason = "Data kematian Kecamatan Kedung terlambat diterima dari Dukcapil.";
    const corrected = await call(recapRoute.action, `/rekap/${draft.id}`, { cookie: cookieA, params: { id: String(draft.id) }, form: { intent: "correct", reason } });
    expect(corrected.status).toBe(302);
    const v2 = recapOf("2025-Q4", 2)!;
    expect(corrected.headers.get("Location")).toBe(`/rekap/${v2.id}`);
    expect(v2).toMatchObject({ status: "draf", replacesRecapId: draft.id, correctionReason: reason });
    expect(rowsOf(v2.id)).toEqual(rowsOf(draft.id));
    expect(recapOf("2025-Q4", 1)!.status).toBe("ditetapkan");
    expect(versionsOf(v2).map((v) => v.version)).toEqual([1, 2]);

    const page = await bodyOf<{ versions: { version: number; reason: string | null }[] }>(
      await call(recapRoute.loader, `/rekap/${draft.id}`, { cookie: cookieA, params: { id: String(draft.id) } }),
    );
    expect(page.versions[1]).toMatchObject({ version: 2, reason });
  });
});

describe("comparison, export, access", () => {
  it("flags the unusual kecamatan of Triwulan III 2025 and pemilih baru without a source", async () => {
    const q3 = recapOf("2025-Q3")!;
    const page = await bodyOf<{ comparison: { previous: { label: string }; flags: { kind: string; areaCode: string | null }[] } }>(
      await call(recapRoute.loader, `/rekap/${q3.id}`, { cookie: cookieA, params: { id: String(q3.id) } }),
    );
    expect(page.comparison.previous.label).toBe("Triwulan II 2025");
    const kinds = page.comparison.flags.map((f) => f.kind);
    expect(kinds).toContain("tms_high");
    expect(kinds).toContain("new_without_source");
    const q2 = recapOf("2025-Q2")!;
    const q2Page = await bodyOf<{ comparison: { flags: { kind: string }[] } }>(
      await call(recapRoute.loader, `/rekap/${q2.id}`, { cookie: cookieA, params: { id: String(q2.id) } }),
    );
    expect(q2Page.comparison.flags.map((f) => f.kind)).not.toContain("new_without_source");
  });

  it("exports Jepara Triwulan II 2025 as CSV and XLSX with the published total 928,809", async () => {
    const q2 = recapOf("2025-Q2")!;
    const csv = await call(exportRoute.loader, `/rekap/${q2.id}/ekspor?format=csv`, { cookie: cookieA, params: { id: String(q2.id) } });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const text = await csv.text();
    const total = text.trim().split("\r\n").at(-1)!.split(",");
    expect(total[2]).toBe("Jumlah");
    expect(total.at(-1)).toBe("928809");
    expect(total[5]).toBe("919276");
    const xlsx = await call(exportRoute.loader, `/rekap/${q2.id}/ekspor?format=xlsx`, { cookie: cookieA, params: { id: String(q2.id) } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet.getCell("A1").value).toBe("MODEL A-REKAP PDPB");
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(3).value).toBe("Jumlah");
    expect(last.getCell(last.cellCount).value).toBe(928_809);
  });

  it("answers 404 for another office's recap and 403 for roles without access", async () => {
    const q2 = recapOf("2025-Q2")!;
    const cookieB = cookieFor("sekretariat1.cilacap@pleno.demo");
    expect((await call(recapRoute.loader, `/rekap/${q2.id}`, { cookie: cookieB, params: { id: String(q2.id) } })).status).toBe(404);
    expect((await call(exportRoute.loader, `/rekap/${q2.id}/ekspor`, { cookie: cookieB, params: { id: String(q2.id) } })).status).toBe(404);
    const participant = cookieFor("peserta.jepara@pleno.demo");
    expect((await call(indexRoute.loader, "/rekap", { cookie: participant })).status).toBe(403);
    const commissioner = cookieFor("ketua.jepara@pleno.demo");
    expect((await call(recapRoute.loader, `/rekap/${q2.id}`, { cookie: commissioner, params: { id: String(q2.id) } })).status).toBe(200);
    expect((await call(importRoute.action, "/rekap/impor", { cookie: commissioner, form: { intent: "upload" } })).status).toBe(403);
  });
});

describe("stakeholder data register", () => {
  it("records a delivery, refuses a bad one with messages, and updates it", async () => {
    const orgs = db().$client.prepare("select id from stakeholders where office_id = ? and type = 'kua_kemenag'").get(jeparaId) as { id: number };
    const bad = await call(deliveriesRoute.action, "/rekap/masukan-data", {
      cookie: cookieA,
      form: { intent: "create", period: "2025-13", stakeholderId: String(orgs.id), kind: "x", recordCount: "-1", receivedOn: "", status: "diterima", resultingTms: "0", resultingNewVoters: "0" },
    });
    expect(bad.status).toBe(400);
    const { errors } = await bodyOf<{ errors: Record<string, string> }>(bad);
    expect(Object.keys(errors).sort()).toEqual(["kind", "period", "receivedOn", "recordCount"]);

    const form = { intent: "create", period: "2026-Q1", stakeholderId: String(orgs.id), kind: "menikah_di_bawah_17", recordCount: "41", receivedOn: "2026-02-10", status: "diterima", resultingTms: "0", resultingNewVoters: "39", notes: "Data KUA se-kabupaten" };
    const ok = await call(deliveriesRoute.action, "/rekap/masukan-data", { cookie: cookieA, form });
    expect(ok.status).toBe(302);
    const saved = db().select().from(dataDeliveries).where(and(eq(dataDeliveries.officeId, jeparaId), eq(dataDeliveries.period, "2026-Q1"))).get()!;
    expect(saved).toMatchObject({ recordCount: 41, resultingNewVoters: 39, status: "diterima" });
    const upd = await call(deliveriesRoute.action, "/rekap/masukan-data", { cookie: cookieA, form: { ...form, intent: "update", id: String(saved.id), status: "ditindaklanjuti" } });
    expect(upd.status).toBe(302);
    expect(db().select().from(dataDeliveries).where(eq(dataDeliveries.id, saved.id)).get()!.status).toBe("ditindaklanjuti");
    const cookieB = cookieFor("sekretariat1.cilacap@pleno.demo");
    const foreign = await call(deliveriesRoute.action, "/rekap/masukan-data", { cookie: cookieB, form: { ...form, intent: "update", id: String(saved.id) } });
    expect(foreign.status).toBe(404);
    const foreignOrg = await call(deliveriesRoute.action, "/rekap/masukan-data", { cookie: cookieB, form });
    expect(foreignOrg.status).toBe(400);
  });
});

describe("TMS categories", () => {
  it("the office relabels, reorders, deactivates and adds categories; codes stay unique", async () => {
    const before = tmsCategoriesOf(jeparaId, false);
    const form: Record<string, string> = {};
    before.forEach((c, i) => {
      form[`cat.${i}.id`] = String(c.id);
      form[`cat.${i}.label`] = c.code === "1" ? "Meninggal dunia" : c.label;
      form[`cat.${i}.sortOrder`] = String(c.sortOrder);
      if (c.isActive && c.code !== "KTP") form[`cat.${i}.isActive`] = "on";
    });
    const dup = await call(categoriesRoute.action, "/rekap/kategori-tms", { cookie: cookieA, form: { ...form, "add.code": "tD", "add.label": "Lagi" } });
    expect(dup.status).toBe(400);
    expect((await bodyOf<{ errors: Record<string, string> }>(dup)).errors["add.code"]).toContain("sudah dipakai");
    const ok = await call(categoriesRoute.action, "/rekap/kategori-tms", { cookie: cookieA, form: { ...form, "add.code": "9", "add.label": "Salah input" } });
    expect(ok.status).toBe(302);
    const after = tmsCategoriesOf(jeparaId, false);
    expect(after.find((c) => c.code === "1")!.label).toBe("Meninggal dunia");
    expect(after.find((c) => c.code === "KTP")!.isActive).toBe(false);
    expect(after.find((c) => c.code === "9")).toMatchObject({ label: "Salah input", isActive: true });
    expect(tmsCategoriesOf(jeparaId).map((c) => c.code)).not.toContain("KTP");
    const commissioner = cookieFor("ketua.jepara@pleno.demo");
    expect((await call(categoriesRoute.action, "/rekap/kategori-tms", { cookie: commissioner, form })).status).toBe(403);
  });
});
