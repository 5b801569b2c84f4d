-- Full-text index of best practices (external content: the text lives in practices only).
-- unicode61 with remove_diacritics 2 folds case and accents; prefix indexes speed up "term*".
CREATE VIRTUAL TABLE `practices_fts` USING fts5(
  title, summary, body, evidence,
  content='practices', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2',
  prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `practices_fts_ai` AFTER INSERT ON `practices` BEGIN
  INSERT INTO practices_fts(rowid, title, summary, body, evidence)
  VALUES (new.id, new.title, new.summary, new.body, new.evidence);
END;
--> statement-breakpoint
CREATE TRIGGER `practices_fts_ad` AFTER DELETE ON `practices` BEGIN
  INSERT INTO practices_fts(practices_fts, rowid, title, summary, body, evidence)
  VALUES ('delete', old.id, old.title, old.summary, old.body, old.evidence);
END;
--> statement-breakpoint
CREATE TRIGGER `practices_fts_au` AFTER UPDATE OF title, summary, body, evidence ON `practices` BEGIN
  INSERT INTO practices_fts(practices_fts, rowid, title, summary, body, evidence)
  VALUES ('delete', old.id, old.title, old.summary, old.body, old.evidence);
  INSERT INTO practices_fts(rowid, title, summary, body, evidence)
  VALUES (new.id, new.title, new.summary, new.body, new.evidence);
END;
