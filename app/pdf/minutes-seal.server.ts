/**
 * The berita acara as sealed: the frozen content of the signed version, then a signature page with
 * each signer's name, position and time, the SHA-256 of the signed content and a QR code to the
 * public verification page. The PDF signature itself is added afterwards (seal.server.ts).
 */
import QRCode from "qrcode";
import { MM, OfficialDocument } from "./document.server";
import { compileTemplate, renderTemplate } from "../domain/template";
import type { MinutesSnapshot } from "../models/minutes-document.server";
import { snapshotRenderInput } from "../models/minutes-document.server";
import { writeBlocks } from "./render.server";

export type SignaturePage = {
  officeName: string;
  signers: { name: string; title: string; at: string }[];
  contentSha256: string;
  verifyUrl: string;
  sealedAt: string;
  /** The office's logo for the kop, if it uploaded one. */
  logo?: Buffer;
};

export async function renderSignedMinutes(snapshot: MinutesSnapshot, page: SignaturePage): Promise<Buffer> {
  const input = snapshotRenderInput(snapshot, page.logo);
  const doc = new OfficialDocument({ ...input.meta, keywords: `berita acara; ${snapshot.number ?? ""}; SHA-256 ${page.contentSha256}` });
  writeBlocks(doc, renderTemplate(compileTemplate(input.source, input.schema), input.data), input);

  doc.doc.addPage();
  doc.heading("LEMBAR PENGESAHAN ELEKTRONIK");
  doc.paragraph(
    `Berita acara nomor ${snapshot.number ?? "-"} tentang ${snapshot.subject} telah ditandatangani secara elektronik melalui Pleno oleh komisioner ${page.officeName} yang hadir dalam rapat, dan disegel dengan sertifikat ${page.officeName} pada ${page.sealedAt}.`,
  );
  doc.table({
    columns: [
      { header: "No", width: 1, align: "right" },
      { header: "Nama", width: 5 },
      { header: "Jabatan", width: 3 },
      { header: "Waktu tanda tangan", width: 5 },
    ],
    rows: page.signers.map((s, i) => [String(i + 1), s.name, s.title, s.at]),
    fontSize: 10,
  });
  doc.fields([
    ["SHA-256 isi", page.contentSha256],
    ["Verifikasi", page.verifyUrl],
  ]);
  const qr = await QRCode.toBuffer(page.verifyUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 });
  doc.ensureSpace(45 * MM);
  doc.doc.image(qr, doc.doc.page.margins.left, doc.doc.y, { fit: [40 * MM, 40 * MM] });
  doc.doc.moveDown(0.5);
  doc.doc.y += 41 * MM;
  doc.paragraph("Pindai kode QR atau buka alamat verifikasi untuk memeriksa bahwa berkas ini sama persis dengan yang disegel.", { size: 9 });
  return doc.finish(snapshot.footer);
}
