import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { action as createAction } from "../../app/routes/pemangku-kepentingan.baru";
import { action as detailAction, loader as detailLoader } from "../../app/routes/pemangku-kepentingan.$id";
import { action as importAction } from "../../app/routes/pemangku-kepentingan.impor";
import { loader as listLoader } from "../../app/routes/pemangku-kepentingan._index";
import { offices, stakeholderContacts, stakeholders } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";

let A: string; // secretariat of Jepara
let B: string; // secretariat of Cilacap
let jeparaId: number;

beforeAll(() => {
  useTestDatabase();
  A = cookieFor("sekretariat1.jepara@pleno.demo");
  B = cookieFor("sekretariat1.cilacap@pleno.demo");
  jeparaId = db().select().from(offices).where(eq(offices.code, "33.20")).get()!.id;
});

const orgCount = () => db().select({ n: count() }).from(stakeholders).where(eq(stakeholders.officeId, jeparaId)).get()!.n;
type Errors = { errors: Record<string, string>; values: Record<string, unknown> };

describe("stakeholder directory", () => {
  it("creates an organisation with its first contact, the number normalised to +62", async () => {
    const r = await call(createAction, "/pemangku-kepentingan/baru", {
      cookie: A,
      form: {
        name: "Dinas Pemakaman Kabupaten Jepara",
        type: "dinas_pemakaman",
        "contact.name": "Sri Wahyuni",
        "contact.position": "Kepala Seksi Data",
        "contact.whatsapp": "0812 3333 4444",
      },
    });
    expect(r.status).toBe(302);
    const id = Number(/\/(\d+)\?/.exec(r.headers.get("Location")!)![1]);
    const contacts = db().select().from(stakeholderContacts).where(eq(stakeholderContacts.stakeholderId, id)).all();
    expect(contacts).toMatchObject([{ name: "Sri Wahyuni", whatsapp: "+6281233334444" }]);
  });

  it("bad input: each message next to its field, everything typed kept, nothing saved", async () => {
    const before = orgCount();
    const r = await call(createAction, "/pemangku-kepentingan/baru", {
      cookie: A,
      form: { name: "", type: "partai", address: "Jl. Pemuda 1", "contact.name": "Ani", "contact.whatsapp": "021-555-1234", "contact.email": "ani@" },
    });
    expect(r.status).toBe(400);
    const body = await bodyOf<Errors>(r);
    expect(body.errors).toEqual({
      name: "Nama organisasi wajib diisi.",
      type: "Pilih jenis organisasi dari daftar.",
      "contact.whatsapp": "Nomor WhatsApp tidak valid (contoh: 0812-3456-7890).",
      "contact.email": "E-mail tidak valid (contoh: nama@instansi.go.id).",
    });
    expect(body.values).toMatchObject({ address: "Jl. Pemuda 1", contact: { name: "Ani", whatsapp: "021-555-1234" } });
    expect(orgCount()).toBe(before);
  });

  it("refuses a duplicate name in the same office (any case) but not in another office", async () => {
    const dup = await call(createAction, "/pemangku-kepentingan/baru", { cookie: A, form: { name: "bawaslu kabupaten jepara", type: "bawaslu" } });
    expect(dup.status).toBe(400);
    expect((await bodyOf<Errors>(dup)).errors.name).toMatch(/sudah ada/);
    const other = await call(createAction, "/pemangku-kepentingan/baru", { cookie: B, form: { name: "Bawaslu Kabupaten Jepara", type: "bawaslu" } });
    expect(other.status).toBe(302);
  });

  it("a second save on a stale version is refused with a clear message and the typed values", async () => {
    const org = db().select().from(stakeholders).where(and(eq(stakeholders.officeId, jeparaId), eq(stakeholders.type, "polres"))).get()!;
    const path = `/pemangku-kepentingan/${org.id}`;
    const params = { id: String(org.id) };
    const first = await call(detailAction, path, { cookie: A, params, form: { intent: "update-org", version: String(org.version), name: org.name, type: "polres", address: "Jl. Kartini 1" } });
    expect(first.status).toBe(302);
    const second = await call(detailAction, path, { cookie: A, params, form: { intent: "update-org", version: String(org.version), name: org.name, type: "polres", address: "Jl. Lain 2" } });
    expect(second.status).toBe(409);
    const body = await bodyOf<Errors>(second);
    expect(body.errors._form).toMatch(/baru saja diubah oleh orang lain/);
    expect(body.values.address).toBe("Jl. Lain 2");
    expect(db().select().from(stakeholders).where(eq(stakeholders.id, org.id)).get()!.address).toBe("Jl. Kartini 1");
  });

  it("another office's organisation answers 404 for reading and writing", async () => {
    const org = db().select().from(stakeholders).where(eq(stakeholders.officeId, jeparaId)).get()!;
    const params = { id: String(org.id) };
    expect((await call(detailLoader, `/pemangku-kepentingan/${org.id}`, { cookie: B, params })).status).toBe(404);
    const w = await call(detailAction, `/pemangku-kepentingan/${org.id}`, { cookie: B, params, form: { intent: "deactivate-org" } });
    expect(w.status).toBe(404);
    expect(db().select().from(stakeholders).where(eq(stakeholders.id, org.id)).get()!.isActive).toBe(true);
  });

  it("contacts: add with a bad number is refused; deactivating removes it from the list", async () => {
    const org = db().select().from(stakeholders).where(and(eq(stakeholders.officeId, jeparaId), eq(stakeholders.type, "kodim_tni"))).get()!;
    const params = { id: String(org.id) };
    const path = `/pemangku-kepentingan/${org.id}`;
    const bad = await call(detailAction, path, { cookie: A, params, form: { intent: "add-contact", name: "Serka Budi", whatsapp: "12" } });
    expect(bad.status).toBe(400);
    expect(await bodyOf<{ form: string }>(bad)).toMatchObject({ form: "add-contact", errors: { whatsapp: expect.stringMatching(/tidak valid/) } });
    const contact = db().select().from(stakeholderContacts).where(eq(stakeholderContacts.stakeholderId, org.id)).get()!;
    await call(detailAction, path, { cookie: A, params, form: { intent: "deactivate-contact", contactId: String(contact.id) } });
    const list = await bodyOf<{ organisations: { id: number; contacts: unknown[] }[] }>(
      await call(listLoader, "/pemangku-kepentingan?tanpaKontak=1", { cookie: A }),
    );
    expect(list.organisations.map((o) => o.id)).toContain(org.id);
  });

  it("search finds organisations by contact name too, and escapes LIKE wildcards", async () => {
    const list = async (q: string) =>
      (await bodyOf<{ organisations: { name: string }[] }>(await call(listLoader, `/pemangku-kepentingan?q=${encodeURIComponent(q)}`, { cookie: A }))).organisations;
    expect((await list("Sri Wahyuni")).map((o) => o.name)).toEqual(["Dinas Pemakaman Kabupaten Jepara"]);
    expect(await list("%")).toEqual([]);
    expect(await list("'; drop table stakeholders; --")).toEqual([]);
  });
});

function csvUpload(text: string, name = "mitra.csv") {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", new File([text], name, { type: "text/csv" }));
  return form;
}

describe("stakeholder CSV import", () => {
  it("a file with bad rows saves nothing and reports every problem", async () => {
    const before = orgCount();
    const csv = ["nama,jenis,kontak,whatsapp", ",bawaslu,Ani,081234567890", "Partai X,partai,Budi,081234567891", "Partai Y,partai_politik,Citra,0215551234", "Dinsos,dinas_sosial,,", "Dinsos,dinas_sosial,,"].join("\n");
    const r = await call(importAction, "/pemangku-kepentingan/impor", { cookie: A, form: csvUpload(csv) });
    const body = await bodyOf<{ preview: { problems: { row: number; column: string }[] } }>(r);
    expect(body.preview.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "nama"],
      [3, "jenis"],
      [4, "whatsapp"],
      [6, "nama"],
    ]);
    // A confirm of a bad file is refused too.
    const confirm = new FormData();
    confirm.append("intent", "confirm");
    confirm.append("csv", csv);
    expect((await call(importAction, "/pemangku-kepentingan/impor", { cookie: A, form: confirm })).status).toBe(400);
    expect(orgCount()).toBe(before);
  });

  it("an organisation already in the directory is reported", async () => {
    const r = await call(importAction, "/pemangku-kepentingan/impor", { cookie: A, form: csvUpload("nama,jenis\nPolres Jepara,polres\n") });
    const body = await bodyOf<{ preview: { problems: { message: string }[] } }>(r);
    expect(body.preview.problems[0].message).toMatch(/sudah ada di direktori/);
  });

  it("a good file is previewed, then saved in one go on confirmation", async () => {
    const before = orgCount();
    const csv = "nama;jenis;kontak;jabatan;whatsapp\nPPK Kecamatan Kedung;lainnya;Heru;Ketua PPK;081299990000\nPPK Kecamatan Kedung;lainnya;Wati;Sekretaris PPK;081299990001\nSMA Negeri 1 Jepara;dinas_pendidikan;;;\n";
    const preview = await bodyOf<{ preview: { problems: unknown[]; organisations: number; contacts: number; csv: string } }>(
      await call(importAction, "/pemangku-kepentingan/impor", { cookie: A, form: csvUpload(csv) }),
    );
    expect(preview.preview).toMatchObject({ problems: [], organisations: 2, contacts: 2 });
    expect(orgCount()).toBe(before);
    const confirm = new FormData();
    confirm.append("intent", "confirm");
    confirm.append("csv", preview.preview.csv);
    const r = await call(importAction, "/pemangku-kepentingan/impor", { cookie: A, form: confirm });
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe("/pemangku-kepentingan?diimpor=2");
    expect(orgCount()).toBe(before + 2);
  });

  it("refuses a binary file and a file over 1 MB with a clear message", async () => {
    const binary = await call(importAction, "/pemangku-kepentingan/impor", {
      cookie: A,
      form: (() => {
        const f = new FormData();
        f.append("intent", "preview");
        f.append("file", new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0xff, 0xfe])], "mitra.csv"));
        return f;
      })(),
    });
    expect(binary.status).toBe(400);
    expect((await bodyOf<{ error: string }>(binary)).error).toMatch(/bukan teks CSV/);
    const big = await call(importAction, "/pemangku-kepentingan/impor", { cookie: A, form: csvUpload("nama,jenis\n" + "x".repeat(1_100_000)) });
    expect(big.status).toBe(413);
    expect((await bodyOf<{ error: string }>(big)).error).toMatch(/terlalu besar/);
  });
});
