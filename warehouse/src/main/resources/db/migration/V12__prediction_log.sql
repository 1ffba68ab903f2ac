-- What the API answered: every served prediction with the exact inputs the model was given, for drift
-- monitoring and for explaining a past answer. Written by the API in batches off the request path.

CREATE TABLE ml.prediction_log (
    id             bigserial   PRIMARY KEY,
    model_name     text        NOT NULL,
    model_version  integer     NOT NULL,
    requested_at   timestamptz NOT NULL,
    features       jsonb       NOT NULL,
    output         jsonb       NOT NULL
);
COMMENT ON TABLE ml.prediction_log IS
    'Grain: one row per prediction the API served (a batch request logs one row per order). features are '
    'the model inputs by name, as the model saw them; output is what the API answered (minutes, low, high). '
    'A log, not a ledger: rows may be missing when the API''s log queue was full (counted in its metrics).';
-- Drift queries read one model's recent predictions.
CREATE INDEX prediction_log_model_time_idx ON ml.prediction_log (model_name, requested_at);
