-- Portable between H2 2.x and PostgreSQL 12+; ${binary} is BLOB on H2 and BYTEA on PostgreSQL (Database.java).

-- Snippets: immutable workspaces behind share links. "content" is the snippet's canonical JSON and "id" is
-- derived from it (12 base64url characters of its SHA-256, see Workspace.java); "sha256" is the whole hash,
-- which tells a second save of the same snippet (a no-op) from an id collision (an error).
CREATE TABLE snippets (
    id         VARCHAR(16) NOT NULL PRIMARY KEY,
    sha256     CHAR(64)    NOT NULL,
    content    TEXT        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

-- Uploaded wasm32-wasi command modules, addressed by the SHA-256 (lowercase hex) of their bytes.
CREATE TABLE modules (
    sha256     CHAR(64)  NOT NULL PRIMARY KEY,
    size_bytes BIGINT    NOT NULL,
    wasm       ${binary} NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
