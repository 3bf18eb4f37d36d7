-- The review workflow (manual ch. 6) on article versions: the summary travels with the text,
-- reviewers and their comments are kept, and roll-backs say which version they restored.
ALTER TABLE article_versions ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE article_versions ADD COLUMN reviewer_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE article_versions ADD COLUMN review_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE article_versions ADD COLUMN reviewed_at INTEGER;
ALTER TABLE article_versions ADD COLUMN restored_from INTEGER;

UPDATE article_versions SET summary = COALESCE(
    (SELECT t.summary FROM article_translations t
     WHERE t.article_id = article_versions.article_id AND t.locale = article_versions.locale
       AND t.version = article_versions.version), '');

-- Open versions (draft, in review, sent back) are found per article and language.
CREATE INDEX article_versions_open_idx ON article_versions (article_id, locale, status);
CREATE INDEX article_versions_review_idx ON article_versions (status, created_at);
