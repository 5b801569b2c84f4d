-- The register is append-only in its identity: a number is never deleted, never renumbered.
CREATE TRIGGER `number_register_no_delete` BEFORE DELETE ON `number_register`
BEGIN
  SELECT RAISE(ABORT, 'nomor pada register tidak boleh dihapus');
END;
--> statement-breakpoint
CREATE TRIGGER `number_register_no_renumber` BEFORE UPDATE OF `office_id`, `doc_type`, `year`, `seq`, `number` ON `number_register`
BEGIN
  SELECT RAISE(ABORT, 'nomor pada register tidak boleh diubah');
END;
--> statement-breakpoint
CREATE TRIGGER `number_register_void_is_final` BEFORE UPDATE OF `status` ON `number_register`
WHEN OLD.`status` = 'void'
BEGIN
  SELECT RAISE(ABORT, 'nomor yang dibatalkan tidak dapat dipakai lagi');
END;
