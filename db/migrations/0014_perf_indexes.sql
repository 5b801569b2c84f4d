CREATE INDEX `stakeholders_office_active_type_idx` ON `stakeholders` (`office_id`,`is_active`,`type`,`name`);--> statement-breakpoint
CREATE INDEX `invitation_deliveries_invitation_idx` ON `invitation_deliveries` (`invitation_id`,`at`);--> statement-breakpoint
CREATE INDEX `invitations_stakeholder_idx` ON `invitations` (`stakeholder_id`);--> statement-breakpoint
CREATE INDEX `meeting_decisions_meeting_idx` ON `meeting_decisions` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `data_deliveries_stakeholder_idx` ON `data_deliveries` (`stakeholder_id`);--> statement-breakpoint
CREATE INDEX `feedback_history_submission_idx` ON `feedback_history` (`submission_id`,`version`);