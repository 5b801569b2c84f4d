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
