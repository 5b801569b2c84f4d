CREATE TABLE `number_register` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`doc_type` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`status` text DEFAULT 'reserved' NOT NULL,
	`document_ref` text NOT NULL,
	`reserved_by` integer,
	`reserved_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`void_reason` text,
	`voided_at` integer,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reserved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `number_register_seq_uq` ON `number_register` (`office_id`,`doc_type`,`year`,`seq`);--> statement-breakpoint
CREATE INDEX `number_register_ref_idx` ON `number_register` (`document_ref`);--> statement-breakpoint
CREATE TABLE `office_settings` (
	`office_id` integer PRIMARY KEY NOT NULL,
	`number_format` text DEFAULT '{nomor}/{klasifikasi}-{jenis}/{kode}/{satker}/{bulan}/{tahun}' NOT NULL,
	`classification` text DEFAULT 'PL.01.2' NOT NULL,
	`paper` text DEFAULT 'A4' NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
