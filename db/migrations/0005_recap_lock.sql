-- A determined recap is locked in the database itself: its rows cannot change.
CREATE TRIGGER `recap_rows_locked_update` BEFORE UPDATE ON `recap_rows`
WHEN (SELECT `status` FROM `recaps` WHERE `id` = OLD.`recap_id`) <> 'draf'
BEGIN
  SELECT RAISE(ABORT, 'rekap yang sudah ditetapkan tidak dapat diubah; buat versi koreksi');
END;
--> statement-breakpoint
CREATE TRIGGER `recap_rows_locked_delete` BEFORE DELETE ON `recap_rows`
WHEN (SELECT `status` FROM `recaps` WHERE `id` = OLD.`recap_id`) <> 'draf'
BEGIN
  SELECT RAISE(ABORT, 'rekap yang sudah ditetapkan tidak dapat diubah; buat versi koreksi');
END;
--> statement-breakpoint
CREATE TRIGGER `recap_rows_locked_insert` BEFORE INSERT ON `recap_rows`
WHEN (SELECT `status` FROM `recaps` WHERE `id` = NEW.`recap_id`) <> 'draf'
BEGIN
  SELECT RAISE(ABORT, 'rekap yang sudah ditetapkan tidak dapat diubah; buat versi koreksi');
END;
--> statement-breakpoint
CREATE TRIGGER `recap_row_tms_locked_update` BEFORE UPDATE ON `recap_row_tms`
WHEN (SELECT r.`status` FROM `recaps` r JOIN `recap_rows` w ON w.`recap_id` = r.`id` WHERE w.`id` = OLD.`row_id`) <> 'draf'
BEGIN
  SELECT RAISE(ABORT, 'rekap yang sudah ditetapkan tidak dapat diubah; buat versi koreksi');
END;
--> statement-breakpoint
CREATE TRIGGER `recap_row_tms_locked_delete` BEFORE DELETE ON `recap_row_tms`
WHEN (SELECT r.`status` FROM `recaps` r JOIN `recap_rows` w ON w.`recap_id` = r.`id` WHERE w.`id` = OLD.`row_id`) <> 'draf'
BEGIN
  SELECT RAISE(ABORT, 'rekap yang sudah ditetapkan tidak dapat diubah; buat versi koreksi');
END;
--> statement-breakpoint
CREATE TRIGGER `recap_row_tms_locked_insert` BEFORE INSERT ON `recap_row_tms`
WHEN (SELECT r.`status` FROM `recaps` r JOIN `recap_rows` w ON w.`recap_id` = r.`id` WHERE w.`id` = NEW.`row_id`) <> 'draf'
BEGIN
  SELECT RAISE(ABORT, 'rekap yang sudah ditetapkan tidak dapat diubah; buat versi koreksi');
END;
--> statement-breakpoint
CREATE TRIGGER `recaps_determined_stay_determined` BEFORE UPDATE OF `status` ON `recaps`
WHEN OLD.`status` = 'ditetapkan' AND NEW.`status` = 'draf'
BEGIN
  SELECT RAISE(ABORT, 'rekap yang sudah ditetapkan tidak dapat kembali menjadi draf');
END;
