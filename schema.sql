-- brain: the one definition of the database schema.
--
-- The file is a list of migrations. Each starts with a line `-- migration: N` and runs once, in
-- order, inside one transaction, when the database's PRAGMA user_version is below N; the
-- version is then set to N. Never edit a migration that has shipped: add a new one below.
-- Times: *_at columns that schedule work (next_attempt_at, lease_expires_at, state_until,
-- opened_at, expires_at) are Unix epoch seconds (REAL); event stamps (created_at, started_at,
-- finished_at) are UTC ISO-8601 text such as 2026-01-01T00:00:00.000Z.

-- migration: 1

-- Key/value settings: cache TTL, defaults for retries and leases. Missing keys mean built-in defaults.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- LLM providers and how to reach them.
CREATE TABLE providers (
    id                        INTEGER PRIMARY KEY,
    name                      TEXT NOT NULL UNIQUE,
    kind                      TEXT NOT NULL CHECK (kind IN ('openai', 'gemini')),
    base_url                  TEXT NOT NULL,
    priority                  INTEGER NOT NULL DEFAULT 100,
    enabled                   INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    models                    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(models) AND json_type(models) = 'array'),
    daily_limit               INTEGER CHECK (daily_limit IS NULL OR daily_limit >= 0),
    timeout_ms                INTEGER NOT NULL DEFAULT 120000 CHECK (timeout_ms > 0),
    breaker_failure_threshold INTEGER NOT NULL DEFAULT 5 CHECK (breaker_failure_threshold > 0),
    breaker_recovery_seconds  REAL NOT NULL DEFAULT 60 CHECK (breaker_recovery_seconds >= 0),
    breaker_success_threshold INTEGER NOT NULL DEFAULT 3 CHECK (breaker_success_threshold > 0),
    extra_headers             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra_headers)),
    key_required              INTEGER NOT NULL DEFAULT 1 CHECK (key_required IN (0, 1)),
    created_at                TEXT NOT NULL
) STRICT;

-- Keys of one provider may share an account whose limits bind them all.
CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    daily_limit INTEGER CHECK (daily_limit IS NULL OR daily_limit >= 0),
    UNIQUE (provider_id, name)
) STRICT;

-- API keys: `secret` is the key itself (added with --stdin) or `env:NAME`, read at call time.
CREATE TABLE api_keys (
    id                       INTEGER PRIMARY KEY,
    provider_id              INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    account_id               INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    label                    TEXT NOT NULL,
    secret                   TEXT NOT NULL,
    fingerprint              TEXT NOT NULL,
    priority                 INTEGER NOT NULL DEFAULT 100,
    enabled                  INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    daily_limit              INTEGER CHECK (daily_limit IS NULL OR daily_limit >= 0),
    max_consecutive_failures INTEGER NOT NULL DEFAULT 3 CHECK (max_consecutive_failures > 0),
    state                    TEXT NOT NULL DEFAULT 'active'
                             CHECK (state IN ('active', 'cooling', 'exhausted', 'deactivated')),
    state_until              REAL,
    state_reason             TEXT,
    consecutive_failures     INTEGER NOT NULL DEFAULT 0,
    rate_limit_strikes       INTEGER NOT NULL DEFAULT 0,
    created_at               TEXT NOT NULL,
    UNIQUE (provider_id, label)
) STRICT;

-- Calls per key and UTC day. A new day is a new row, so the midnight reset is a query.
CREATE TABLE usage_daily (
    key_id     INTEGER NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
    day        TEXT NOT NULL,
    calls      INTEGER NOT NULL DEFAULT 0,
    successes  INTEGER NOT NULL DEFAULT 0,
    failures   INTEGER NOT NULL DEFAULT 0,
    tokens_in  INTEGER NOT NULL DEFAULT 0,
    tokens_out INTEGER NOT NULL DEFAULT 0,
    cost       REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (key_id, day)
) STRICT, WITHOUT ROWID;

-- One circuit breaker per provider.
CREATE TABLE breakers (
    provider_id          INTEGER PRIMARY KEY REFERENCES providers(id) ON DELETE CASCADE,
    state                TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('closed', 'open', 'half_open')),
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    half_open_successes  INTEGER NOT NULL DEFAULT 0,
    probe_until          REAL,
    opened_at            REAL,
    last_error           TEXT,
    updated_at           REAL
) STRICT;

-- Prompt templates, one row per name and content version. Jobs record the version they used.
CREATE TABLE templates (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    version       TEXT NOT NULL,
    base          TEXT,
    system        TEXT,
    developer     TEXT,
    user          TEXT,
    assistant     TEXT,
    output_schema TEXT,
    metadata      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    loaded_at     TEXT NOT NULL,
    UNIQUE (name, version)
) STRICT;
CREATE INDEX templates_active ON templates (name) WHERE active = 1;

-- Each distinct file, by the SHA-256 of its bytes, with its extracted text or error.
CREATE TABLE documents (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT NOT NULL UNIQUE,
    path       TEXT NOT NULL,
    format     TEXT,
    size       INTEGER NOT NULL,
    pages      INTEGER,
    characters INTEGER,
    text       TEXT,
    extractor  TEXT,
    encoding   TEXT,
    warnings   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
    error      TEXT,
    error_kind TEXT,
    created_at TEXT NOT NULL,
    CHECK (text IS NOT NULL OR error IS NOT NULL)
) STRICT;

-- Every path seen for a document (the same bytes can sit in several places).
CREATE TABLE document_paths (
    path        TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seen_at     TEXT NOT NULL
) STRICT;

-- The outbox: one job per document (or inline text) and task.
CREATE TABLE jobs (
    id               INTEGER PRIMARY KEY,
    task             TEXT NOT NULL CHECK (task IN ('resume_parsing', 'jd_parsing', 'chat', 'generic')),
    document_id      INTEGER REFERENCES documents(id),
    input_text       TEXT,
    template_name    TEXT NOT NULL,
    template_version TEXT NOT NULL,
    options          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
    state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts     INTEGER NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
    next_attempt_at  REAL NOT NULL DEFAULT 0,
    lease_owner      TEXT,
    lease_expires_at REAL,
    idempotency_key  TEXT NOT NULL UNIQUE,
    last_error       TEXT,
    last_error_class TEXT,
    warnings         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    finished_at      TEXT,
    CHECK (document_id IS NOT NULL OR input_text IS NOT NULL),
    CHECK (state <> 'running' OR (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
) STRICT;
CREATE INDEX jobs_claim_queued ON jobs (next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX jobs_claim_expired ON jobs (lease_expires_at) WHERE state = 'running';
CREATE INDEX jobs_state ON jobs (state);
CREATE INDEX jobs_document ON jobs (document_id);

-- Every provider attempt. Prompts and responses live once, in results; never a secret here.
CREATE TABLE calls (
    id                  INTEGER PRIMARY KEY,
    job_id              INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
    attempt             INTEGER NOT NULL DEFAULT 1,
    provider            TEXT NOT NULL,
    model               TEXT,
    key_id              INTEGER REFERENCES api_keys(id) ON DELETE SET NULL,
    started_at          TEXT NOT NULL,
    duration_ms         INTEGER,
    http_status         INTEGER,
    outcome             TEXT NOT NULL CHECK (outcome IN (
                            'success', 'cache_hit', 'network_error', 'timeout', 'auth_error',
                            'rate_limit_error', 'quota_exhausted', 'provider_error',
                            'validation_error', 'malformed_response', 'invalid_output')),
    retry_after         REAL,
    error               TEXT,
    tokens_in           INTEGER,
    tokens_out          INTEGER,
    cost                REAL,
    provider_request_id TEXT
) STRICT;
CREATE INDEX calls_started ON calls (started_at);
CREATE INDEX calls_provider_started ON calls (provider, started_at);
CREATE INDEX calls_job ON calls (job_id);

-- One result per job.
CREATE TABLE results (
    id                INTEGER PRIMARY KEY,
    job_id            INTEGER NOT NULL UNIQUE REFERENCES jobs(id) ON DELETE CASCADE,
    task              TEXT NOT NULL,
    provider          TEXT,
    model             TEXT,
    response          TEXT,
    parsed            TEXT CHECK (parsed IS NULL OR json_valid(parsed)),
    verdict           TEXT NOT NULL CHECK (verdict IN ('valid', 'repaired', 'invalid', 'text')),
    validation_errors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(validation_errors)),
    warnings          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
    tokens_in         INTEGER,
    tokens_out        INTEGER,
    cost              REAL,
    response_time_ms  INTEGER,
    fallback_chain    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fallback_chain)),
    total_attempts    INTEGER NOT NULL DEFAULT 1,
    output_file       TEXT,
    metadata          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
    created_at        TEXT NOT NULL
) STRICT;
CREATE INDEX results_task ON results (task);

-- Provider answers by request hash, written the moment they arrive.
CREATE TABLE response_cache (
    request_hash TEXT PRIMARY KEY,
    provider     TEXT NOT NULL,
    model        TEXT NOT NULL,
    completion   TEXT NOT NULL CHECK (json_valid(completion)),
    created_at   REAL NOT NULL,
    expires_at   REAL NOT NULL,
    hits         INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
CREATE INDEX response_cache_expires ON response_cache (expires_at);

-- Jobs by state, with the oldest and the next scheduled attempt.
CREATE VIEW queue_summary AS
SELECT state,
       count(*) AS jobs,
       min(created_at) AS oldest,
       datetime(min(CASE WHEN state = 'queued' THEN next_attempt_at END), 'unixepoch') AS next_attempt
FROM jobs
GROUP BY state;

-- Today's (UTC) usage per provider and key.
CREATE VIEW usage_today AS
SELECT p.name AS provider,
       k.id AS key_id,
       k.label AS key_label,
       k.fingerprint,
       coalesce(u.calls, 0) AS calls,
       coalesce(u.successes, 0) AS successes,
       coalesce(u.failures, 0) AS failures,
       coalesce(u.tokens_in, 0) AS tokens_in,
       coalesce(u.tokens_out, 0) AS tokens_out,
       coalesce(u.cost, 0) AS cost,
       k.daily_limit AS key_daily_limit
FROM api_keys k
JOIN providers p ON p.id = k.provider_id
LEFT JOIN usage_daily u ON u.key_id = k.id AND u.day = date('now');

-- Latency percentiles of successful calls per provider and model (nearest-rank).
CREATE VIEW latency_stats AS
WITH ranked AS (
    SELECT provider, model, duration_ms,
           row_number() OVER (PARTITION BY provider, model ORDER BY duration_ms) AS rn,
           count(*) OVER (PARTITION BY provider, model) AS n
    FROM calls
    WHERE outcome = 'success' AND duration_ms IS NOT NULL
)
SELECT provider, model, max(n) AS calls,
       min(CASE WHEN rn >= 0.50 * n THEN duration_ms END) AS p50_ms,
       min(CASE WHEN rn >= 0.95 * n THEN duration_ms END) AS p95_ms,
       min(CASE WHEN rn >= 0.99 * n THEN duration_ms END) AS p99_ms,
       round(avg(duration_ms), 1) AS avg_ms
FROM ranked
GROUP BY provider, model;

-- Failed calls grouped by provider, outcome and status, with the latest message.
CREATE VIEW error_patterns AS
SELECT provider, outcome, http_status,
       count(*) AS occurrences,
       min(started_at) AS first_seen,
       max(started_at) AS last_seen,
       (SELECT c2.error FROM calls c2
         WHERE c2.provider = c.provider AND c2.outcome = c.outcome
           AND c2.http_status IS c.http_status
         ORDER BY c2.id DESC LIMIT 1) AS last_error
FROM calls c
WHERE outcome NOT IN ('success', 'cache_hit')
GROUP BY provider, outcome, http_status;

-- One row per provider: health verdict and today's figures (UTC day).
CREATE VIEW provider_health AS
WITH today AS (
    SELECT provider,
           count(*) AS calls,
           sum(outcome = 'success') AS successes,
           round(avg(CASE WHEN outcome = 'success' THEN duration_ms END), 1) AS avg_ms
    FROM calls
    WHERE started_at >= date('now') AND outcome <> 'cache_hit'
    GROUP BY provider
),
ranked AS (
    SELECT provider, duration_ms,
           row_number() OVER (PARTITION BY provider ORDER BY duration_ms) AS rn,
           count(*) OVER (PARTITION BY provider) AS n
    FROM calls
    WHERE started_at >= date('now') AND outcome = 'success' AND duration_ms IS NOT NULL
),
pct AS (
    SELECT provider,
           min(CASE WHEN rn >= 0.50 * n THEN duration_ms END) AS p50_ms,
           min(CASE WHEN rn >= 0.95 * n THEN duration_ms END) AS p95_ms
    FROM ranked GROUP BY provider
),
keys AS (
    SELECT provider_id,
           count(*) AS keys_total,
           sum(enabled = 1 AND (state = 'active' OR (state IN ('cooling', 'exhausted')
               AND state_until <= unixepoch('now')))) AS keys_active
    FROM api_keys GROUP BY provider_id
),
used AS (
    SELECT k.provider_id, sum(u.calls) AS calls
    FROM usage_daily u JOIN api_keys k ON k.id = u.key_id
    WHERE u.day = date('now')
    GROUP BY k.provider_id
),
base AS (
    SELECT p.name AS provider, p.enabled, p.priority, p.key_required,
           coalesce(b.state, 'closed') AS breaker,
           coalesce(used.calls, 0) AS calls_today,
           p.daily_limit,
           coalesce(keys.keys_active, 0) AS keys_active,
           coalesce(keys.keys_total, 0) AS keys_total,
           CASE WHEN coalesce(t.calls, 0) = 0 THEN NULL
                ELSE round(100.0 * t.successes / t.calls, 1) END AS success_rate,
           t.avg_ms AS avg_latency_ms,
           pct.p50_ms AS p50_latency_ms,
           pct.p95_ms AS p95_latency_ms,
           (SELECT error FROM calls c WHERE c.provider = p.name AND c.outcome NOT IN ('success', 'cache_hit')
             ORDER BY c.id DESC LIMIT 1) AS last_error,
           (SELECT max(started_at) FROM calls c WHERE c.provider = p.name AND c.outcome = 'success') AS last_success
    FROM providers p
    LEFT JOIN breakers b ON b.provider_id = p.id
    LEFT JOIN today t ON t.provider = p.name
    LEFT JOIN pct ON pct.provider = p.name
    LEFT JOIN keys ON keys.provider_id = p.id
    LEFT JOIN used ON used.provider_id = p.id
)
SELECT provider,
       CASE WHEN enabled = 0 THEN 'disabled'
            WHEN breaker = 'open' OR (keys_active = 0 AND key_required = 1) THEN 'down'
            WHEN daily_limit IS NOT NULL AND calls_today >= daily_limit THEN 'exhausted'
            WHEN (success_rate IS NOT NULL AND success_rate < 90)
              OR (daily_limit IS NOT NULL AND daily_limit - calls_today < 0.1 * daily_limit) THEN 'degraded'
            ELSE 'healthy' END AS health,
       enabled, priority, breaker, calls_today, daily_limit, keys_active, keys_total,
       success_rate, avg_latency_ms, p50_latency_ms, p95_latency_ms, last_error, last_success
FROM base;
