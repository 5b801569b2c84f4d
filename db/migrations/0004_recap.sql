CREATE TABLE `data_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`period` text NOT NULL,
	`stakeholder_id` integer NOT NULL,
	`kind` text NOT NULL,
	`records` integer NOT NULL,
	`received_on` text NOT NULL,
	`status` text DEFAULT 'diterima' NOT NULL,
	`tms_count` integer DEFAULT 0 NOT NULL,
	`new_voter_count` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `data_deliveries_office_period_idx` ON `data_deliveries` (`office_id`,`period`);--> statement-breakpoint
CREATE TABLE `recap_row_tms` (
	`row_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`l` integer NOT NULL,
	`p` integer NOT NULL,
	PRIMARY KEY(`row_id`, `category_id`),
	FOREIGN KEY (`row_id`) REFERENCES `recap_rows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `tms_categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `recap_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recap_id` integer NOT NULL,
	`area_code` text NOT NULL,
	`previous_l` integer NOT NULL,
	`previous_p` integer NOT NULL,
	`new_l` integer NOT NULL,
	`new_p` integer NOT NULL,
	`tms_l` integer NOT NULL,
	`tms_p` integer NOT NULL,
	`corrections_l` integer NOT NULL,
	`corrections_p` integer NOT NULL,
	`dpb_l` integer NOT NULL,
	`dpb_p` integer NOT NULL,
	FOREIGN KEY (`recap_id`) REFERENCES `recaps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recap_rows_recap_area_uq` ON `recap_rows` (`recap_id`,`area_code`);--> statement-breakpoint
CREATE TABLE `recaps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`period` text NOT NULL,
	`meeting_id` integer,
	`level` text DEFAULT 'district' NOT NULL,
	`status` text DEFAULT 'draf' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`replaces_recap_id` integer,
	`correction_reason` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`determined_at` integer,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recaps_office_period_version_uq` ON `recaps` (`office_id`,`period`,`version`);--> statement-breakpoint
CREATE INDEX `recaps_office_status_idx` ON `recaps` (`office_id`,`status`,`period`);--> statement-breakpoint
CREATE TABLE `tms_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`is_duplicate` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tms_categories_office_code_uq` ON `tms_categories` (`office_id`,`code`);