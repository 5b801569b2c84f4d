/**
 * The stakeholder CSV: one row per contact (an organisation without contacts: one row, contact
 * columns empty). Rows with the same organisation name form one organisation.
 */
import Papa from "papaparse";
import { STAKEHOLDER_TYPES, type StakeholderType } from "../domain/enums";
import { STAKEHOLDER_TYPE_LABELS } from "./labels";
import { contactSchema, IMPORT_COLUMNS, parseStakeholderType, stakeholderSchema, type ContactInput, type StakeholderInput } from "./stakeholder-schema";

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;

export type ImportProblem = { row: number; column: string; message: string };
export type ImportRow = { row: number; org: StakeholderInput; contact: ContactInput | null };
export type ImportResult = { rows: ImportRow[]; problems: ImportProblem[]; organisations: number; contacts: number };

const COLUMN_LABELS: Record<string, string> = {
  nama: "nama",
  jenis: "jenis",
  alamat: "alamat",
  kontak: "kontak",
  jabatan: "jabatan",
  whatsapp: "whatsapp",
  email: "email",
};

/** Parses and checks the whole file; `existing` holds the lowercased names already in the directory. */
export function parseStakeholderCsv(text: string, existing: Set<string> = new Set()): ImportResult {
  const problems: ImportProblem[] = [];
  const clean = text.replace(/^\uFEFF/, "");
  if (/\u0000/.test(clean)) return { rows: [], problems: [{ row: 0, column: "-", message: "Berkas bukan teks CSV." }], organisations: 0, contacts: 0 };
  const parsed = Papa.parse<Record<string, string>>(clean, {
    header: true,
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = ["nama", "jenis"].filter((c) => !headers.includes(c));
  if (missing.length) {
    return {
      rows: [],
      problems: [{ row: 1, column: missing.join(", "), message: `Kolom wajib tidak ada: ${missing.join(", ")}. Kolom yang dikenal: ${IMPORT_COLUMNS.join(", ")}.` }],
      organisations: 0,
      contacts: 0,
    };
  }
  if (parsed.data.length > MAX_IMPORT_ROWS) {
    return { rows: [], problems: [{ row: 0, column: "-", message: `Berkas berisi lebih dari ${MAX_IMPORT_ROWS} baris.` }], organisations: 0, contacts: 0 };
  }
  const rows: ImportRow[] = [];
  const typeOfName = new Map<string, { type: string; row: number }>();
  let contacts = 0;
  parsed.data.forEach((raw, i) => {
    const row = i + 2; // line 1 is the header
    const get = (c: string) => (raw[c] ?? "").trim();
    const rowProblems: ImportProblem[] = [];
    const typeCode = parseStakeholderType(get("jenis"), STAKEHOLDER_TYPE_LABELS);
    if (!typeCode) {
      rowProblems.push({
        row,
        column: "jenis",
        message: get("jenis") ? `Jenis "${get("jenis").slice(0, 40)}" tidak dikenal.` : "Jenis wajib diisi.",
      });
    }
    const org = stakeholderSchema.safeParse({ name: get("nama"), type: typeCode ?? "lainnya", address: get("alamat"), notes: "" });
    if (!org.success) for (const issue of org.error.issues) rowProblems.push({ row, column: COLUMN_LABELS[issue.path[0] === "name" ? "nama" : "alamat"], message: issue.message });
    let contact: ContactInput | null = null;
    const hasContact = ["kontak", "jabatan", "whatsapp", "email"].some((c) => get(c));
    if (hasContact) {
      const parsedContact = contactSchema.safeParse({ name: get("kontak"), position: get("jabatan"), whatsapp: get("whatsapp"), email: get("email") });
      if (parsedContact.success) contact = parsedContact.data;
      else {
        const col: Record<string, string> = { name: "kontak", position: "jabatan", whatsapp: "whatsapp", email: "email" };
        for (const issue of parsedContact.error.issues) rowProblems.push({ row, column: col[String(issue.path[0])] ?? "kontak", message: issue.message });
      }
    }
    const name = get("nama");
    if (name) {
      const key = name.toLowerCase();
      if (existing.has(key)) rowProblems.push({ row, column: "nama", message: `Organisasi "${name.slice(0, 80)}" sudah ada di direktori.` });
      const seen = typeOfName.get(key);
      if (seen && typeCode && seen.type !== typeCode) {
        rowProblems.push({ row, column: "jenis", message: `Organisasi yang sama di baris ${seen.row} berjenis lain.` });
      }
      if (!seen && typeCode) typeOfName.set(key, { type: typeCode, row });
      if (seen && !hasContact) rowProblems.push({ row, column: "nama", message: `Baris ganda: organisasi ini sudah ada di baris ${seen.row}.` });
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0 && org.success) {
      rows.push({ row, org: { ...org.data, type: typeCode as StakeholderType }, contact });
      if (contact) contacts++;
    }
  });
  return { rows, problems, organisations: typeOfName.size, contacts };
}

export const EXAMPLE_CSV = [
  IMPORT_COLUMNS.join(","),
  `Bawaslu Kabupaten Contoh,bawaslu,"Jl. Merdeka No. 1",Ahmad Santoso,Koordinator Divisi Pencegahan,0812-3456-7890,ahmad@bawaslu.contoh.go.id`,
  `Dinas Kependudukan dan Pencatatan Sipil,Dinas Dukcapil,,Rina Wulandari,Kepala Bidang Data,+62 813 1111 2222,`,
].join("\r\n");

export const TYPE_CODES = STAKEHOLDER_TYPES;

/** Every organisation name the file mentions (good rows or not), to look up in the directory. */
export function namesInCsv(text: string): string[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  return [...new Set(parsed.data.slice(0, MAX_IMPORT_ROWS).map((r) => (r.nama ?? "").trim()).filter(Boolean))];
}
