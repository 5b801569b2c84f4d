-- Published berita acara are append-only in the database itself: register entries and the stored
-- files cannot be changed or deleted through SQL (the hash chain would still reveal it if someone
-- dropped these triggers first; see `npm run verify-register`).
CREATE TRIGGER `register_entries_no_update` BEFORE UPDATE ON `register_entries`
BEGIN
  SELECT RAISE(ABORT, 'register_entries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `register_entries_no_delete` BEFORE DELETE ON `register_entries`
BEGIN
  SELECT RAISE(ABORT, 'register_entries is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `document_files_no_update` BEFORE UPDATE ON `document_files`
BEGIN
  SELECT RAISE(ABORT, 'document_files is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `document_files_no_delete` BEFORE DELETE ON `document_files`
BEGIN
  SELECT RAISE(ABORT, 'document_files is append-only');
END;
