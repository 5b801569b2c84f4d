CREATE TABLE `office_metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_end` integer NOT NULL,
	`metric` text NOT NULL,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`origin` text NOT NULL,
	`imported_at` integer,
	`imported_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `office_metrics_uq` ON `office_metrics` (`office_id`,`metric`,`period`,`origin`);--> statement-breakpoint
CREATE INDEX `office_metrics_board_idx` ON `office_metrics` (`metric`,`period`);--> statement-breakpoint
CREATE INDEX `office_metrics_trend_idx` ON `office_metrics` (`metric`,`office_id`,`period_end`);--> statement-breakpoint
CREATE TABLE `practice_adoptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`practice_id` integer NOT NULL,
	`office_id` integer NOT NULL,
	`adopted_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adopted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practice_adoptions_uq` ON `practice_adoptions` (`practice_id`,`office_id`);--> statement-breakpoint
CREATE INDEX `practice_adoptions_office_idx` ON `practice_adoptions` (`office_id`);--> statement-breakpoint
CREATE TABLE `practice_topics` (
	`practice_id` integer NOT NULL,
	`topic` text NOT NULL,
	PRIMARY KEY(`practice_id`, `topic`),
	FOREIGN KEY (`practice_id`) REFERENCES `practices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `practice_topics_topic_idx` ON `practice_topics` (`topic`);--> statement-breakpoint
CREATE TABLE `practices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`since` text NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practices_office_idx` ON `practices` (`office_id`);--> statement-breakpoint
CREATE TABLE `visit_delegates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` text NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `visit_delegates_visit_idx` ON `visit_delegates` (`visit_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `visit_topics` (
	`visit_id` integer NOT NULL,
	`topic` text NOT NULL,
	PRIMARY KEY(`visit_id`, `topic`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `visit_topics_topic_idx` ON `visit_topics` (`topic`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`host_office_id` integer NOT NULL,
	`visiting_office_id` integer NOT NULL,
	`visit_date` text NOT NULL,
	`title` text NOT NULL,
	`questions` text NOT NULL,
	`host_presentation` text NOT NULL,
	`practices_observed` text NOT NULL,
	`follow_up_plan` text NOT NULL,
	`status` text DEFAULT 'draf' NOT NULL,
	`return_reason` text,
	`submitted_at` integer,
	`confirmed_at` integer,
	`confirmed_by` integer,
	`created_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`host_office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visiting_office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_host_idx` ON `visits` (`host_office_id`,`status`);--> statement-breakpoint
CREATE INDEX `visits_visiting_idx` ON `visits` (`visiting_office_id`,`status`);--> statement-breakpoint
CREATE INDEX `visits_status_date_idx` ON `visits` (`status`,`visit_date`);