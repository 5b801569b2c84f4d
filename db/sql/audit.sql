-- Copy of db/migrations/0008_audit_sql.sql (custom SQL of the audit log), kept for renumbering at merge.
-- The audit log is append-only in the database itself: no row is ever changed or removed.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'jejak audit tidak boleh diubah');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'jejak audit tidak boleh dihapus');
END;
--> statement-breakpoint
-- Only known actions and bounded texts are written, whoever writes.
CREATE TRIGGER `audit_log_valid_insert` BEFORE INSERT ON `audit_log`
WHEN NEW.`action` NOT IN ('dibuat', 'dinomori', 'disunting', 'diajukan', 'dilihat_penandatangan', 'ditandatangani', 'ditolak', 'disegel', 'diterbitkan', 'diganti', 'diunduh', 'dibatalkan', 'pindaian_diunggah')
  OR length(NEW.`ip`) > 64 OR length(NEW.`user_agent`) > 300 OR length(NEW.`user_name`) > 200 OR length(NEW.`detail`) > 2000
  OR json_valid(NEW.`detail`) = 0
BEGIN
  SELECT RAISE(ABORT, 'baris jejak audit tidak sah');
END;
