CREATE TABLE `data_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`period` text NOT NULL,
	`stakeholder_id` integer NOT NULL,
	`kind` text NOT NULL,
	`record_count` integer NOT NULL,
	`received_on` text NOT NULL,
	`status` text DEFAULT 'diterima' NOT NULL,
	`resulting_tms` integer DEFAULT 0 NOT NULL,
	`resulting_new_voters` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `data_deliveries_office_period_idx` ON `data_deliveries` (`office_id`,`period`);--> statement-breakpoint
CREATE TABLE `recap_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recap_id` integer NOT NULL,
	`area_code` text NOT NULL,
	`previous_l` integer NOT NULL,
	`previous_p` integer NOT NULL,
	`new_voters_l` integer NOT NULL,
	`new_voters_p` integer NOT NULL,
	`tms_l` integer NOT NULL,
	`tms_p` integer NOT NULL,
	`tms_detail` text DEFAULT '{}' NOT NULL,
	`corrections_l` integer NOT NULL,
	`corrections_p` integer NOT NULL,
	`dpb_l` integer NOT NULL,
	`dpb_p` integer NOT NULL,
	FOREIGN KEY (`recap_id`) REFERENCES `recaps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recap_rows_recap_area_uq` ON `recap_rows` (`recap_id`,`area_code`);--> statement-breakpoint
CREATE TABLE `recaps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_end` integer NOT NULL,
	`meeting_id` integer,
	`level` text DEFAULT 'kecamatan' NOT NULL,
	`status` text DEFAULT 'draf' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`replaces_recap_id` integer,
	`correction_reason` text,
	`determined_at` integer,
	`created_by` integer,
	`updated_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recaps_office_period_version_uq` ON `recaps` (`office_id`,`period`,`level`,`version`);--> statement-breakpoint
CREATE INDEX `recaps_office_end_idx` ON `recaps` (`office_id`,`status`,`period_end`);--> statement-breakpoint
CREATE TABLE `tms_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`legal_basis` text DEFAULT '' NOT NULL,
	`sort_order` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tms_categories_office_code_uq` ON `tms_categories` (`office_id`,`code`);--> statement-breakpoint
CREATE TABLE `feedback_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` integer NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`saved_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `feedback_submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `feedback_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` integer NOT NULL,
	`position` integer NOT NULL,
	`category` text NOT NULL,
	`district_code` text NOT NULL,
	`village_code` text,
	`voters` integer NOT NULL,
	`description` text NOT NULL,
	`attachment_path` text,
	`attachment_name` text,
	`attachment_type` text,
	`attachment_size` integer,
	`answer` text,
	`follow_up_status` text,
	`division` text,
	`answered_by` integer,
	`answered_at` integer,
	FOREIGN KEY (`submission_id`) REFERENCES `feedback_submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feedback_points_submission_idx` ON `feedback_points` (`submission_id`,`position`);--> statement-breakpoint
CREATE TABLE `feedback_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invitation_id` integer NOT NULL,
	`reference` text NOT NULL,
	`responder_name` text NOT NULL,
	`responder_position` text NOT NULL,
	`stance` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_submissions_reference_unique` ON `feedback_submissions` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_submissions_invitation_uq` ON `feedback_submissions` (`invitation_id`);--> statement-breakpoint
CREATE TABLE `feedback_windows` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`deadline` integer NOT NULL,
	`show_recap` integer DEFAULT false NOT NULL,
	`opened_by` integer,
	`opened_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
