-- 0004_auth: accounts, sessions, API tokens and the audit log.
--
-- Everything here lives in the schema "auth", which the SQL sandbox refuses
-- to read (see sandbox_private.go), and holds no secret in the clear:
-- passwords are bcrypt hashes, sessions and tokens are stored as the SHA-256
-- of the random value only their holder knows. Ids come from sequences; these
-- tables are small and written one row at a time.
CREATE SCHEMA auth;

CREATE SEQUENCE auth.user_ids START 1;
CREATE SEQUENCE auth.token_ids START 1;
CREATE SEQUENCE auth.audit_ids START 1;

-- One row per account. role is viewer, uploader, analyst or admin; a disabled
-- account can neither log in nor use its tokens.
CREATE TABLE auth.users (
    user_id       BIGINT PRIMARY KEY DEFAULT nextval('auth.user_ids'),
    name          VARCHAR NOT NULL UNIQUE,
    role          VARCHAR NOT NULL,
    password_hash VARCHAR NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);

-- The agencies an uploader may upload for: the name as the administrator gave
-- it and its folded form (the key loads match agencies on).
CREATE TABLE auth.user_agencies (
    user_id  BIGINT  NOT NULL,
    agency   VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL
);

-- Browser sessions, by the SHA-256 of the cookie's value. Logging out,
-- disabling the account or changing its password deletes them.
CREATE TABLE auth.sessions (
    session_hash VARCHAR PRIMARY KEY,
    user_id      BIGINT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    remote       VARCHAR
);

-- API tokens, by the SHA-256 of the token. revoked_at is set when revoked;
-- expires_at is NULL for a token that does not expire.
CREATE TABLE auth.tokens (
    token_id    BIGINT PRIMARY KEY DEFAULT nextval('auth.token_ids'),
    user_id     BIGINT  NOT NULL,
    token_hash  VARCHAR NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP,
    revoked_at  TIMESTAMP,
    created_by  VARCHAR
);

-- Who did what, when and from where: uploads (with the agency, year,
-- version, SHA-256 and result), replacements of a current report, account
-- and token changes, agency corrections. Rows are only ever added.
CREATE TABLE auth.audit_log (
    audit_id  BIGINT PRIMARY KEY DEFAULT nextval('auth.audit_ids'),
    "at"      TIMESTAMP NOT NULL,
    actor     VARCHAR NOT NULL,
    remote    VARCHAR,
    action    VARCHAR NOT NULL,
    agency    VARCHAR,
    year      INTEGER,
    version   INTEGER,
    report_id BIGINT,
    sha256    VARCHAR,
    result    VARCHAR NOT NULL,
    detail    VARCHAR
);
