-- A shop's theme: Liquid templates, CSS and translations the owner edits in the admin.
-- Every save is a new row and nothing is ever changed in place: the current template is the
-- newest version of its path, and a rollback appends a copy of an old version. The runtime
-- role may only read and append, so the history an owner rolls back to cannot be rewritten
-- through the application. A path with no row falls back to the built-in default theme.
-- (The column is "path", not "name": a template's path is not a person's name.)
CREATE SCHEMA theme;
GRANT USAGE ON SCHEMA theme TO misemori_app, misemori_operator;

CREATE TABLE theme.template_version (
    shop_id       bigint      NOT NULL REFERENCES platform.shop (id),
    path          text        NOT NULL
                  CHECK (path ~ '^(layout|templates|snippets|assets|locales)/[a-z0-9][a-z0-9_-]{0,60}\.(liquid|css|json)$'),
    version       integer     NOT NULL CHECK (version > 0),
    body          text        NOT NULL CHECK (octet_length(body) <= 262144),
    saved_by      text        NOT NULL CHECK (length(saved_by) BETWEEN 1 AND 200),
    saved_at      timestamptz NOT NULL DEFAULT now(),
    restored_from integer     CHECK (restored_from > 0 AND restored_from < version),
    PRIMARY KEY (shop_id, path, version)
);

ALTER TABLE theme.template_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE theme.template_version FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON theme.template_version TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON theme.template_version TO misemori_operator USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON theme.template_version TO misemori_app;
-- Purging a closed shop deletes its rows (cross-shop work).
GRANT SELECT, DELETE ON theme.template_version TO misemori_operator;
