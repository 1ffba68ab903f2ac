-- ml: the ML engineer's registry. Every trained model version is kept with what it needs to be trusted
-- later: its bytes, the data window and features it learned from, the trainer and hyperparameters, the
-- code version, its metrics on days it never saw, and the rule that promoted it (or not).

CREATE TABLE ml.training_runs (
    run_id        text        PRIMARY KEY,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    status        text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    code_version  text        NOT NULL,
    summary       jsonb,
    error         text
);
COMMENT ON TABLE ml.training_runs IS
    'Grain: one row per ./forkcast train run: when, which code, how it ended, and its summary (splits, '
    'metrics beside the best possible, promotion decisions).';

CREATE TABLE ml.model_versions (
    model_name           text        NOT NULL CHECK (model_name IN ('delivery_time', 'fraud')),
    version              integer     NOT NULL CHECK (version > 0),
    training_run_id      text        NOT NULL REFERENCES ml.training_runs (run_id),
    created_at           timestamptz NOT NULL,
    algorithm            text        NOT NULL,
    format_version       integer     NOT NULL,
    model_bytes          bytea       NOT NULL,
    feature_names        jsonb       NOT NULL,
    feature_fingerprint  text        NOT NULL,
    trainer              text        NOT NULL,
    hyperparameters      jsonb       NOT NULL,
    data_window          jsonb       NOT NULL,
    code_version         text        NOT NULL,
    metrics              jsonb       NOT NULL,
    decision_threshold   double precision,
    provenance           text        NOT NULL,
    PRIMARY KEY (model_name, version)
);
COMMENT ON TABLE ml.model_versions IS
    'Grain: one row per registered model version. model_bytes = Tribuo''s protobuf form; '
    'feature_fingerprint = the feature catalogue it was trained with (a model is refused when it no longer '
    'matches); provenance = Tribuo''s own record (trainer, hyperparameters, dataset, host, time).';

CREATE TABLE ml.model_aliases (
    model_name   text        NOT NULL,
    alias        text        NOT NULL CHECK (alias IN ('champion', 'challenger')),
    version      integer     NOT NULL,
    assigned_at  timestamptz NOT NULL,
    PRIMARY KEY (model_name, alias),
    FOREIGN KEY (model_name, version) REFERENCES ml.model_versions (model_name, version)
);
COMMENT ON TABLE ml.model_aliases IS
    'Grain: one row per model and alias: which version serves as champion (what the API uses) and which '
    'waits as challenger.';

CREATE TABLE ml.alias_history (
    change_id    bigserial   PRIMARY KEY,
    model_name   text        NOT NULL,
    alias        text        NOT NULL CHECK (alias IN ('champion', 'challenger')),
    version      integer     NOT NULL,
    assigned_at  timestamptz NOT NULL,
    reason       text        NOT NULL,
    FOREIGN KEY (model_name, version) REFERENCES ml.model_versions (model_name, version)
);
COMMENT ON TABLE ml.alias_history IS
    'Grain: one row per alias assignment, append-only: which version held which alias from when, and why.';
CREATE INDEX alias_history_model_idx ON ml.alias_history (model_name, alias, assigned_at);

CREATE TABLE ml.report_files (
    training_run_id  text  NOT NULL REFERENCES ml.training_runs (run_id),
    name             text  NOT NULL,
    media_type       text  NOT NULL,
    content          bytea NOT NULL,
    PRIMARY KEY (training_run_id, name)
);
COMMENT ON TABLE ml.report_files IS
    'Grain: one row per file of a training run''s evaluation report (report.md, charts as SVG): what the '
    'API and the README show.';
