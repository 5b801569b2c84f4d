CREATE TABLE `document_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `minutes_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`minutes_id` integer NOT NULL,
	`version` integer NOT NULL,
	`membership_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`title` text NOT NULL,
	`position` text,
	`status` text DEFAULT 'menunggu' NOT NULL,
	`reason` text,
	`content_sha256` text,
	`decided_at` integer,
	`ip` text,
	`user_agent` text,
	`viewed_at` integer,
	`reminded_at` integer,
	`voided_at` integer,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_signatures_uq` ON `minutes_signatures` (`minutes_id`,`version`,`membership_id`);--> statement-breakpoint
CREATE INDEX `minutes_signatures_user_idx` ON `minutes_signatures` (`user_id`,`status`);--> statement-breakpoint
CREATE TABLE `minutes_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`minutes_id` integer NOT NULL,
	`version` integer NOT NULL,
	`content` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_snapshots_uq` ON `minutes_snapshots` (`minutes_id`,`version`);--> statement-breakpoint
CREATE TABLE `publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`minutes_id` integer NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`number` text NOT NULL,
	`subject` text NOT NULL,
	`meeting_date` integer NOT NULL,
	`file_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`content_sha256` text,
	`replaces_id` integer,
	`replaced_by_id` integer,
	`published_by` integer,
	`published_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `document_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publications_code_uq` ON `publications` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `publications_minutes_uq` ON `publications` (`minutes_id`);--> statement-breakpoint
CREATE INDEX `publications_office_idx` ON `publications` (`office_id`);--> statement-breakpoint
CREATE TABLE `register_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`publication_id` integer NOT NULL,
	`office_code` text NOT NULL,
	`document_number` text NOT NULL,
	`document_sha256` text NOT NULL,
	`published_at` text NOT NULL,
	`previous_hash` text NOT NULL,
	`entry_hash` text NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `register_entries_seq_uq` ON `register_entries` (`office_id`,`seq`);--> statement-breakpoint
CREATE TABLE `seal_failures` (
	`minutes_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`reason` text NOT NULL,
	`failed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signing_settings` (
	`office_id` integer PRIMARY KEY NOT NULL,
	`ketua_signs_last` integer DEFAULT false NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `user_totp` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`enabled_at` integer,
	`last_step` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `minutes` ADD `replaces_minutes_id` integer;--> statement-breakpoint
ALTER TABLE `minutes` ADD `sealed_at` integer;