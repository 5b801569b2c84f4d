import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { MARK_END, MARK_START } from "../../app/domain/fts-query";
import { searchPractices } from "../../app/models/practice.server";
import { recordComputedMetrics } from "../../app/models/metric.server";
import * as adminImport from "../../app/routes/admin.metrik";
import * as monitor from "../../app/routes/papan.pemantauan";
import * as board from "../../app/routes/papan._index";
import * as practiceNew from "../../app/routes/praktik-baik.baru";
import * as practicePage from "../../app/routes/praktik-baik.$id";
import * as library from "../../app/routes/praktik-baik._index";
import * as visitList from "../../app/routes/kunjungan._index";
import * as visitNew from "../../app/routes/kunjungan.baru";
import * as visitPage from "../../app/routes/kunjungan.$id";
import * as visitEdit from "../../app/routes/kunjungan.$id_.ubah";
import { DEMO_PASSWORD } from "../../db/seed";
import { createMember, officeByCode } from "../../db/factories";
import { officeMetrics, practiceAdoptions, practices, visits } from "../../db/schema";
import { appFetch } from "../helpers/app";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";

const JEPARA = "sekretariat1.jepara@pleno.demo";
const CILACAP = "sekretariat1.cilacap@pleno.demo";
const CILACAP_VISITOR = "tamu.cilacap@pleno.demo";
const JAKUT = "sekretariat1.jakut@pleno.demo";

type Hit = { id: number; title: string; titleMarked: string; excerpt: string };

async function search(q: string, extra = "") {
  const res = await call(library.loader, `/praktik-baik?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status).toBe(200);
  return (await bodyOf<{ hits: Hit[] }>(res)).hits;
}

beforeAll(() => {
  useTestDatabase();
});

describe("best-practice library: FTS5 search", () => {
  it("ranks the practice with the word in its title first and marks the words found", async () => {
    const hits = await search("koordinasi");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].title).toBe("Koordinasi data pemilih dengan suku dinas, UPRS dan KUA");
    expect(hits[0].titleMarked).toContain(`${MARK_START}Koordinasi${MARK_END}`);
  });

  it("matches prefixes and ignores case and accents", async () => {
    const a = await search("FORMULÍ");
    expect(a.map((h) => h.title)).toContain("Formulir tanggapan peserta di setiap rapat pleno, dilampirkan pada berita acara");
    const b = await search("pémak");
    expect(b[0].title).toBe("Koordinasi data pemilih dengan suku dinas, UPRS dan KUA");
    expect(b[0].excerpt).toMatch(new RegExp(`${MARK_START}Pemakaman${MARK_END}`));
    // Every term must match: both words are in Jepara's operator practice only.
    const c = await search("operator dapil");
    expect(c.map((h) => h.title)).toEqual(["Satu operator untuk satu daerah pemilihan"]);
  });

  it("filters by topic, office and province", async () => {
    const byTopic = await search("", "&topik=aplikasi_whatsapp");
    expect(byTopic.map((h) => h.title)).toEqual(["Siwareng: layanan pemilih lewat WhatsApp"]);
    const byOffice = await search("data", "&kantor=33.20");
    expect(byOffice.length).toBeGreaterThan(0);
    expect(byOffice.every((h) => !h.title.includes("Siwareng"))).toBe(true);
    const byProvince = await search("", "&provinsi=31");
    expect(byProvince).toHaveLength(2);
  });

  it("answers queries full of FTS and SQL syntax without an error", async () => {
    for (const q of [
      `"; DROP TABLE practices; --`,
      `title:koordinasi OR body:* NEAR(a b) ^x`,
      `"""`,
      `'*' AND (NOT)`,
      "x".repeat(5000),
      `koordinasi" OR "1"="1`,
    ]) {
      const res = await call(library.loader, `/praktik-baik?q=${encodeURIComponent(q)}`);
      expect(res.status, q.slice(0, 40)).toBe(200);
    }
    expect(db().select({ n: count() }).from(practices).get()!.n).toBeGreaterThanOrEqual(7);
    // Operators are plain words: `OR` must match too, so this finds nothing instead of everything.
    expect(await search(`koordinasi" OR "1"="1`)).toHaveLength(0);
    // Quotes and brackets around the words do not stop them being found.
    expect((await search(`koordinasi" (dinas*`)).map((h) => h.title)).toEqual(["Koordinasi data pemilih dengan suku dinas, UPRS dan KUA"]);
  });

  it("keeps the index in step with edits (triggers) and renders highlights as <mark>, never raw HTML", async () => {
    const cookie = cookieFor(JEPARA);
    const created = await call(practiceNew.action, "/praktik-baik/baru", {
      cookie,
      form: {
        title: "<script>alert(1)</script> Sinkronisasi Sidalih mingguan",
        summary: "Operator mencocokkan data <b>setiap</b> minggu.",
        body: "Isi uraian.",
        since: "2024-02",
        topics: "sdm_operator",
      },
    });
    expect(created.status).toBe(302);
    const id = Number(created.headers.get("Location")!.split("/").pop());
    expect(searchPractices({ q: "sinkron" }).hits.map((h) => h.id)).toContain(id);

    const html = await (await appFetch("/praktik-baik?q=sidalih")).text();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<mark>Sidalih</mark>");
    expect(html).not.toContain("<script>alert(1)");

    db().update(practices).set({ title: "Rekonsiliasi data mingguan" }).where(eq(practices.id, id)).run();
    expect(searchPractices({ q: "sinkron" }).hits.map((h) => h.id)).not.toContain(id);
    expect(searchPractices({ q: "rekonsiliasi" }).hits.map((h) => h.id)).toEqual([id]);
    db().delete(practices).where(eq(practices.id, id)).run();
    expect(searchPractices({ q: "rekonsiliasi" }).hits).toHaveLength(0);
  });

  it("refuses a practice form with missing fields, keeping what was typed", async () => {
    const res = await call(practiceNew.action, "/praktik-baik/baru", {
      cookie: cookieFor(JEPARA),
      form: { title: "Judul saja", since: "2024-13" },
    });
    expect(res.status).toBe(400);
    const body = await bodyOf<{ errors: Record<string, string>; values: Record<string, string> }>(res);
    expect(body.errors.summary).toBe("Ringkasan wajib diisi.");
    expect(body.errors.since).toMatch(/Bulan mulai tidak valid/);
    expect(body.errors.topics).toBe("Pilih paling sedikit satu topik.");
    expect(body.values.title).toBe("Judul saja");
  });
});

describe("adoption: kami menerapkan ini", () => {
  it("records another office's adoption once, lists it, and can be withdrawn", async () => {
    const jepara = officeByCode(db(), "33.20");
    const practice = db().select().from(practices).where(and(eq(practices.officeId, jepara.id), eq(practices.title, "Satu operator untuk satu daerah pemilihan"))).get()!;
    const path = `/praktik-baik/${practice.id}`;
    const params = { id: String(practice.id) };
    const cilacap = cookieFor(CILACAP);
    for (let i = 0; i < 2; i++) expect((await call(practicePage.action, path, { cookie: cilacap, params, form: { intent: "terapkan" } })).status).toBe(302);
    const adoptions = () => db().select().from(practiceAdoptions).where(eq(practiceAdoptions.practiceId, practice.id)).all();
    expect(adoptions()).toHaveLength(1);
    const page = await bodyOf<{ adoptedBy: { name: string }[]; viewer: { adopted: boolean } }>(
      await call(practicePage.loader, path, { cookie: cookieFor(CILACAP), params }),
    );
    expect(page.adoptedBy.map((a) => a.name)).toEqual(["KPU Kabupaten Cilacap"]);
    expect(page.viewer.adopted).toBe(true);

    expect((await call(practicePage.action, path, { cookie: cookieFor(JEPARA), params, form: { intent: "terapkan" } })).status).toBe(400);
    expect((await call(practicePage.action, path, { cookie: cookieFor(CILACAP_VISITOR), params, form: { intent: "terapkan" } })).status).toBe(403);
    expect((await call(practicePage.action, path, { cookie: cilacap, params, form: { intent: "batal-terapkan" } })).status).toBe(302);
    expect(adoptions()).toHaveLength(0);
  });

  it("shows the office's metric trend with the practice's start on the practice page", async () => {
    const jepara = officeByCode(db(), "33.20");
    const practice = db().select().from(practices).where(eq(practices.officeId, jepara.id)).get()!;
    const data = await bodyOf<{ chosen: { code: string }; rows: { period: string; source: string }[]; sinceX: number }>(
      await call(practicePage.loader, `/praktik-baik/${practice.id}?metrik=dpb`, { params: { id: String(practice.id) } }),
    );
    expect(data.chosen.code).toBe("dpb");
    // Pleno's own figure (computed from Jepara's determined recap) wins over the published one.
    expect(data.rows.find((r) => r.period === "2025-Q2")).toMatchObject({ source: "Dihitung Pleno dari data kantor" });
    expect(data.sinceX).toBe(2018 * 12);
  });
});

describe("visit reports: the host confirms before publication", () => {
  const form = (hostOfficeId: number, extra: Record<string, string> = {}) => ({
    intent: "simpan",
    hostOfficeId: String(hostOfficeId),
    visitDate: "2025-06-10",
    title: "Belajar rekap triwulanan",
    "delegates.0.name": "Dwi Handayani",
    "delegates.0.position": "Staf Subbag Perencanaan, Data dan Informasi",
    "delegates.1.name": "",
    "delegates.1.position": "",
    questions: "Bagaimana rekap disusun?",
    hostPresentation: "Paparan rekap.",
    practicesObserved: "Formulir tanggapan.",
    followUpPlan: "Menerapkan formulir.",
    topics: "formulir_tanggapan_ba",
    ...extra,
  });

  it("refuses an incomplete report with the messages next to the fields, saving nothing", async () => {
    const before = db().select({ n: count() }).from(visits).get()!.n;
    const jepara = officeByCode(db(), "33.20");
    const res = await call(visitNew.action, "/kunjungan/baru", {
      cookie: cookieFor(CILACAP_VISITOR),
      form: { ...form(jepara.id), title: "", "delegates.0.name": "", "delegates.0.position": "", topics: [] as unknown as string },
    });
    expect(res.status).toBe(400);
    const body = await bodyOf<{ errors: Record<string, string>; values: Record<string, unknown> }>(res);
    expect(body.errors.title).toBe("Judul wajib diisi.");
    expect(body.errors.delegates).toBe("Isi paling sedikit satu anggota rombongan.");
    expect(body.values.questions).toBe("Bagaimana rekap disusun?");
    const own = await call(visitNew.action, "/kunjungan/baru", { cookie: cookieFor(CILACAP_VISITOR), form: form(officeByCode(db(), "33.01").id) });
    expect((await bodyOf<{ errors: Record<string, string> }>(own)).errors.hostOfficeId).toMatch(/kantor Anda sendiri/);
    expect(db().select({ n: count() }).from(visits).get()!.n).toBe(before);
  });

  it("adds a delegation row without saving", async () => {
    const res = await call(visitNew.action, "/kunjungan/baru", { cookie: cookieFor(CILACAP_VISITOR), form: { ...form(1), intent: "tambah-baris" } });
    expect(res.status).toBe(200);
    const body = await bodyOf<{ values: { delegates: unknown[] } }>(res);
    expect(body.values.delegates).toHaveLength(3);
  });

  it("draf → menunggu konfirmasi → dikembalikan → diajukan lagi → terbit, hidden from the public until then", async () => {
    const jepara = officeByCode(db(), "33.20");
    const visitor = cookieFor(CILACAP_VISITOR);
    const created = await call(visitNew.action, "/kunjungan/baru", { cookie: visitor, form: form(jepara.id) });
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.split("/").pop()!;
    const path = `/kunjungan/${id}`;
    const params = { id };
    const status = () => db().select().from(visits).where(eq(visits.id, Number(id))).get()!.status;
    const see = async (cookie?: string) => (await call(visitPage.loader, path, { cookie, params })).status;
    const act = async (cookie: string, f: Record<string, string>) => (await call(visitPage.action, path, { cookie, params, form: f })).status;

    expect(status()).toBe("draf");
    expect(await see()).toBe(404);
    expect(await see(cookieFor(JEPARA))).toBe(404); // the host sees it once submitted
    expect(await see(cookieFor(CILACAP))).toBe(200);
    expect((await appFetch(path)).status).toBe(404);

    expect(await act(cookieFor(JEPARA), { intent: "konfirmasi" })).toBe(404);
    expect(await act(visitor, { intent: "ajukan" })).toBe(302);
    expect(status()).toBe("menunggu_konfirmasi");
    expect(await see()).toBe(404);
    expect(await see(cookieFor(JAKUT))).toBe(404);
    expect(await see(cookieFor("ketua.jepara@pleno.demo"))).toBe(200);
    const list = await bodyOf<{ visits: { id: number }[] }>(await call(visitList.loader, "/kunjungan"));
    expect(list.visits.map((v) => v.id)).not.toContain(Number(id));

    expect(await act(cookieFor("ketua.jepara@pleno.demo"), { intent: "konfirmasi" })).toBe(403);
    expect(await act(visitor, { intent: "konfirmasi" })).toBe(403);
    const noReason = await call(visitPage.action, path, { cookie: cookieFor(JEPARA), params, form: { intent: "kembalikan", reason: " " } });
    expect(noReason.status).toBe(400);
    expect((await bodyOf<{ errors: Record<string, string> }>(noReason)).errors.reason).toBe("Alasan pengembalian wajib diisi.");
    expect(await act(cookieFor(JEPARA), { intent: "kembalikan", reason: "Lengkapi jabatan anggota rombongan." })).toBe(302);
    expect(status()).toBe("dikembalikan");

    const editForm = { ...form(jepara.id), version: String(db().select().from(visits).where(eq(visits.id, Number(id))).get()!.version), intent: "ajukan" };
    const stale = await call(visitEdit.action, `${path}/ubah`, { cookie: visitor, params, form: { ...editForm, version: "1" } });
    expect(stale.status).toBe(409);
    expect((await call(visitEdit.action, `${path}/ubah`, { cookie: visitor, params, form: editForm })).status).toBe(302);
    expect(status()).toBe("menunggu_konfirmasi");
    expect(await act(cookieFor(JEPARA), { intent: "konfirmasi" })).toBe(302);
    expect(status()).toBe("terbit");
    expect(await act(cookieFor(JEPARA), { intent: "konfirmasi" })).toBe(409);

    expect(await see()).toBe(200);
    const published = await bodyOf<{ visits: { id: number }[] }>(await call(visitList.loader, "/kunjungan?kantor=33.20&tahun=2025&topik=formulir_tanggapan_ba"));
    expect(published.visits.map((v) => v.id)).toEqual([Number(id)]);
    expect((await call(visitEdit.loader, `${path}/ubah`, { cookie: visitor, params })).status).toBe(403);
  });

  it("lists the two seed-story visits publicly, with filters", async () => {
    const all = await bodyOf<{ visits: { title: string; guestName: string; hostName: string }[] }>(await call(visitList.loader, "/kunjungan?tahun=2021"));
    expect(all.visits.map((v) => `${v.guestName} → ${v.hostName}`)).toEqual(["KPU Kabupaten Tangerang → KPU Kota Jakarta Utara"]);
    const jateng = await bodyOf<{ visits: { visitDate: string }[] }>(await call(visitList.loader, "/kunjungan?provinsi=33&topik=sdm_operator"));
    expect(jateng.visits.map((v) => v.visitDate)).toEqual(["2019-12-04"]);
  });
});

describe("metrics: import and the board", () => {
  const HEADER = "region_code,office,period,metric,value,source";
  const metricCount = () => db().select({ n: count() }).from(officeMetrics).get()!.n;

  it("saves nothing when any row is bad, and shows every bad cell", async () => {
    const before = metricCount();
    const csv = [HEADER, "33.20,KPU Kabupaten Jepara,2026-Q1,dpb,940000,uji", "99.99,,2026-Q1,dpb,1,uji", "33.01,,2026-Q9,dpb,x,uji", "33.01,,2026-Q1,unknown,1,"].join("\n");
    for (const intent of ["periksa", "simpan"]) {
      const res = await call(adminImport.action, "/admin/metrik", { cookie: cookieFor("admin@pleno.demo"), form: { intent, csv } });
      expect(res.status).toBe(400);
      const body = await bodyOf<{ preview: { badRows: number; rows: { line: number; errors: Record<string, string> }[] } }>(res);
      expect(body.preview.badRows).toBe(3);
      const errors = Object.fromEntries(body.preview.rows.map((r) => [r.line, r.errors]));
      expect(errors[3].region_code).toBe("Kode wilayah tidak dikenal.");
      expect(Object.keys(errors[4]).sort()).toEqual(["period", "value"]);
      expect(Object.keys(errors[5]).sort()).toEqual(["metric", "source"]);
    }
    expect(metricCount()).toBe(before);
  });

  it("imports good rows in one go, replacing an earlier imported figure", async () => {
    const before = metricCount();
    const admin = cookieFor("admin@pleno.demo");
    const csv = [HEADER, "33.20,KPU Kabupaten Jepara,2026-Q1,dpb,940000,uji A", "33.01,KPU Kabupaten Cilacap,2026-Q1,dpb,1470000,uji A"].join("\n");
    const preview = await call(adminImport.action, "/admin/metrik", { cookie: admin, form: { intent: "periksa", csv } });
    expect(preview.status).toBe(200);
    expect(metricCount()).toBe(before);
    const saved = await call(adminImport.action, "/admin/metrik", { cookie: admin, form: { intent: "simpan", csv } });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/admin/metrik?tersimpan=2");
    expect(metricCount()).toBe(before + 2);
    await call(adminImport.action, "/admin/metrik", { cookie: admin, form: { intent: "simpan", csv: csv.replace("940000,uji A", "941000,uji B") } });
    expect(metricCount()).toBe(before + 2);
    const jepara = officeByCode(db(), "33.20");
    const row = db()
      .select()
      .from(officeMetrics)
      .where(and(eq(officeMetrics.officeId, jepara.id), eq(officeMetrics.period, "2026-Q1"), eq(officeMetrics.metric, "dpb")))
      .get()!;
    expect([row.value, row.source, row.origin]).toEqual([941000, "uji B", "imported"]);
  });

  it("an admin of a KPU Provinsi imports only for offices under it", async () => {
    const jateng = officeByCode(db(), "33");
    await createMember(db(), { email: "admin.jateng@pleno.test", name: "Admin Jateng", password: DEMO_PASSWORD, officeId: jateng.id, role: "admin" });
    const res = await call(adminImport.action, "/admin/metrik", {
      cookie: cookieFor("admin.jateng@pleno.test"),
      form: { intent: "periksa", csv: `${HEADER}\n31.72,,2026-Q1,dpb,1,uji\n33.20,,2026-Q1,dpb,1,uji` },
    });
    const body = await bodyOf<{ preview: { rows: { line: number; errors: Record<string, string> }[] } }>(res);
    expect(body.preview.rows.find((r) => r.line === 2)!.errors.region_code).toMatch(/di luar cakupan/);
    expect(body.preview.rows.find((r) => r.line === 3)!.errors).toEqual({});
  });

  type BoardData = {
    board: {
      period: string;
      ranked: { code: string; rank: number; value: number; source: number; origin: string }[];
      sources: string[];
      mine: { code: string } | null;
      compared: { code: string; rows: unknown[] }[];
      learnFrom: { code: string; practices: number }[];
    };
  };

  it("ranks offices best first, highlights the viewer's office and compares chosen offices", async () => {
    const res = await call(board.loader, "/papan?metrik=duplicate_rate&periode=2025-Q2&banding=33.20&banding=33.01", { cookie: cookieFor(JEPARA) });
    const { board: b } = await bodyOf<BoardData>(res);
    expect(b.period).toBe("2025-Q2");
    expect(b.ranked.length).toBeGreaterThan(40);
    const values = b.ranked.map((r) => r.value);
    expect(values).toEqual([...values].sort((x, y) => x - y)); // lower is better
    expect(b.mine?.code).toBe("33.20");
    // Every row's source is named: the rows carry an index into the board's list of sources.
    expect(b.ranked.every((r) => b.sources[r.source])).toBe(true);
    expect(b.compared.map((c) => c.code)).toEqual(["33.20", "33.01"]);
    expect(b.compared.every((c) => c.rows.length === 20)).toBe(true);
    // Jepara keeps the fewest duplicates in the demo: it leads and links to its practices.
    expect(b.ranked[0].code).toBe("33.20");
    expect(b.learnFrom[0]).toMatchObject({ code: "33.20" });
    expect(b.learnFrom[0].practices).toBeGreaterThanOrEqual(4);
  });

  it("compares over time only what was asked for, or the viewer's own office; a visitor gets the best two one click away", async () => {
    // A visitor (no office, nothing highlighted): no comparison drawn, none sent.
    const visitor = await bodyOf<BoardData & { board: { top: { code: string }[] } }>(await call(board.loader, "/papan?metrik=duplicate_rate&periode=2025-Q2"));
    expect(visitor.board.compared).toEqual([]);
    const html = await (await appFetch("/papan?metrik=duplicate_rate&periode=2025-Q2")).text();
    expect(html).not.toContain('id="compare-trend-title"');
    const [first, second] = visitor.board.top;
    const link = html.match(/<a [^>]*href="([^"]*#compare-title)">bandingkan dua kantor teratas: (.*?)<\/a>/);
    expect(link?.[2].replaceAll("<!-- -->", "")).toBe("KPU Kabupaten Jepara dan KPU Kabupaten Cilacap");
    expect(link?.[1].replaceAll("&amp;", "&")).toBe(`/papan?metrik=duplicate_rate&periode=2025-Q2&banding=${first.code}&banding=${second.code}#compare-title`);
    // Following it draws the two offices' trend.
    const followed = await (await appFetch(link![1].replaceAll("&amp;", "&").replace(/#.*/, ""))).text();
    expect(followed).toContain('id="compare-trend-title"');
    expect(followed).toContain('<th scope="col" class="num">KPU Kabupaten Cilacap</th>');
    // A highlighted office (?sorot=) starts the comparison, as the viewer's own office does.
    const highlighted = await bodyOf<BoardData>(await call(board.loader, "/papan?metrik=duplicate_rate&periode=2025-Q2&sorot=33.01"));
    expect(highlighted.board.compared.map((c) => c.code)).toEqual([...new Set(["33.01", first.code, second.code])]);
    const own = await bodyOf<BoardData>(await call(board.loader, "/papan?metrik=duplicate_rate&periode=2025-Q2", { cookie: cookieFor("sekretariat1.cilacap@pleno.demo") }));
    expect(own.board.compared[0].code).toBe("33.01");
    expect(own.board.compared.length).toBeGreaterThanOrEqual(2);
  });

  it("filters by province and peer group, and prefers Pleno's own computation over an import", async () => {
    const peers = await bodyOf<BoardData>(await call(board.loader, "/papan?metrik=dpb&periode=2025-Q2&kelompok=besar"));
    expect(peers.board.ranked.length).toBeGreaterThan(0);
    expect(peers.board.ranked.every((r) => r.value >= 500_000 && r.value < 1_000_000)).toBe(true);
    const dki = await bodyOf<BoardData>(await call(board.loader, "/papan?metrik=dpb&periode=2025-Q2&provinsi=31"));
    expect(dki.board.ranked.map((r) => r.code.slice(0, 2))).toEqual(Array(dki.board.ranked.length).fill("31"));

    const cilacap = officeByCode(db(), "33.01");
    recordComputedMetrics(cilacap.id, "2025-Q2", { duplicate_rate: 0.0001 }, "dihitung dari rekap Pleno");
    const after = await bodyOf<BoardData>(await call(board.loader, "/papan?metrik=duplicate_rate&periode=2025-Q2"));
    const row = after.board.ranked.find((r) => r.code === "33.01")!;
    expect([row.value, after.board.sources[row.source], row.rank]).toEqual([0.0001, "dihitung dari rekap Pleno", 1]);
    expect(after.board.ranked.filter((r) => r.code === "33.01")).toHaveLength(1);
    recordComputedMetrics(cilacap.id, "2025-Q2", { duplicate_rate: null }, "");
  });

  it("exports the board as CSV with period and source on every line", async () => {
    const res = await appFetch("/papan.csv?metrik=dpb&periode=2025-Q2&provinsi=33");
    expect(res.headers.get("Content-Type")).toMatch(/text\/csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("peringkat,region_code,office,period,period_label,metric,value,source,origin,peer_group");
    expect(lines.length).toBe(36); // header + 35 kabupaten/kota of Jawa Tengah
    const jepara = lines.find((l) => l.includes(",33.20,"))!;
    expect(jepara).toContain("928809");
    expect(jepara).toContain("Triwulan II 2025");
    expect(jepara).toContain("Dihitung Pleno dari data kantor");
    expect(jepara).toContain(",computed,");
  });

  it("renders the board's charts as server-side SVG with text alternatives", async () => {
    const html = await (await appFetch("/papan?metrik=duplicate_rate&periode=2025-Q2&sorot=33.01")).text();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="ranking-title ranking-desc"/);
    expect(html).toContain('id="distribution-desc"');
    expect(html).toContain("KPU Kabupaten Cilacap berada pada rentang");
    expect(html).toContain("Peringkat tingkat data ganda".replace("tingkat", "Tingkat"));
  });

  it("marks each figure with its source when the ranking mixes sources, and names a single source once", async () => {
    const tableOf = (html: string) => html.slice(html.indexOf("<caption>Peringkat"), html.indexOf("</table>", html.indexOf("<caption>Peringkat")));
    const mixed = await (await appFetch("/papan?metrik=duplicate_rate&periode=2025-Q2")).text();
    const rows = tableOf(mixed).match(/<tr[ >]/g)!.length - 1;
    expect(tableOf(mixed).match(/class="source-ref"/g)).toHaveLength(rows);
    expect(mixed).toContain('<ol class="source-list" aria-label="Sumber angka">');
    expect(mixed).toContain('<li id="peringkat-sumber-2" value="2">');

    const single = await (await appFetch("/papan?metrik=timeliness&periode=2025-Q2")).text();
    expect(tableOf(single)).not.toContain("source-ref");
    expect(tableOf(single)).not.toContain(">Sumber</th>");
    expect(single).toContain('<p class="source-list source-list--one" id="peringkat-sumber-1">Sumber semua angka: Dihitung Pleno dari data kantor (dihitung Pleno).</p>');
  });

  it("the progress monitor lists the offices under a KPU Provinsi, those without DPB first", async () => {
    const jateng = officeByCode(db(), "33");
    await createMember(db(), { email: "sek.jateng@pleno.test", name: "Sekretariat Jateng", password: DEMO_PASSWORD, officeId: jateng.id, role: "secretariat" });
    const res = await call(monitor.loader, "/papan/pemantauan", { cookie: cookieFor("sek.jateng@pleno.test") });
    const data = await bodyOf<{ rows: { code: string; dpb: { value: number } | null }[] }>(res);
    expect(data.rows).toHaveLength(35);
    expect(data.rows.every((r) => r.code.startsWith("33."))).toBe(true);
    expect(data.rows.find((r) => r.code === "33.20")!.dpb!.value).toBeGreaterThan(900_000);
    expect((await call(monitor.loader, "/papan/pemantauan", { cookie: cookieFor(JEPARA) })).status).toBe(403);
    const ri = await bodyOf<{ rows: { code: string; dpb: unknown }[] }>(await call(monitor.loader, "/papan/pemantauan?provinsi=32", { cookie: cookieFor("admin@pleno.demo") }));
    expect(ri.rows.length).toBe(27);
    // Laggards on top: offices of Jawa Barat without any DPB come before Kuningan (DPB of June 2021).
    expect(ri.rows[0].dpb).toBeNull();
    expect(ri.rows[ri.rows.length - 1].code).toBe("32.08");
  });
});
