-- Knowledge base: tags, related articles, reader feedback, view counts, synonyms and search
-- analytics (manual ch. 6).

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
);

CREATE TABLE article_related (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, related_id),
    CHECK (article_id <> related_id)
);

ALTER TABLE articles ADD COLUMN views INTEGER NOT NULL DEFAULT 0;

-- "Did this help?": anonymous, one row per answer.
CREATE TABLE article_feedback (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    locale     TEXT NOT NULL CHECK (locale IN ('zh', 'en')),
    helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    comment    TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX article_feedback_article_idx ON article_feedback (article_id, created_at);

-- One group of words meaning the same per row, lower-case, separated by commas.
CREATE TABLE kb_synonyms (
    id       INTEGER PRIMARY KEY,
    terms    TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO kb_synonyms (terms, position) VALUES
    ('wifi,wi-fi,wireless,wlan,无线网络,无线网', 1),
    ('internet,online,上网,联网,网络连接', 2),
    ('computer,pc,电脑,计算机', 3),
    ('blue screen,bsod,蓝屏', 4),
    ('printer,打印机', 5),
    ('slow,sluggish,laggy,慢,卡顿,很卡', 6),
    ('virus,malware,病毒,恶意软件,木马', 7),
    ('ip address,ip,ip地址', 8),
    ('cable,network cable,ethernet,网线', 9),
    ('password,口令,密码', 10);

-- Searches as asked, without who asked: the query text, how many results, which one was opened.
CREATE TABLE search_log (
    id           INTEGER PRIMARY KEY,
    query        TEXT NOT NULL,
    locale       TEXT NOT NULL CHECK (locale IN ('zh', 'en')),
    results      INTEGER NOT NULL,
    clicked_slug TEXT,
    created_at   INTEGER NOT NULL
);
CREATE INDEX search_log_created_idx ON search_log (created_at);
