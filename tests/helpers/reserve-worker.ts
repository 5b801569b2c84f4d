// Reserves numbers from its own connection; run by tests/integration/register.test.ts.
import { openDatabase } from "../../app/db.server";
import { reserveNumber } from "../../app/models/register.server";

const [file, officeId, count] = process.argv.slice(2);
const database = openDatabase(file);
const got: number[] = [];
for (let i = 0; i < Number(count); i++) {
  got.push(reserveNumber({ officeId: Number(officeId), docType: "BA", issuedAt: new Date("2025-12-08T02:00:00Z"), documentRef: `worker:${process.pid}:${i}` }, database).seq);
}
process.stdout.write(JSON.stringify(got));
