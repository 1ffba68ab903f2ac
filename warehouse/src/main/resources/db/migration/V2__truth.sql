-- The simulator's ground truth: what the world knows and the models can only estimate.
-- Written by the simulator beside its events, read only by evaluation and reconciliation tests.

CREATE TABLE truth.simulation_runs (
    run_id            text        PRIMARY KEY,
    seed              bigint      NOT NULL,
    start_date        date        NOT NULL,
    days              integer     NOT NULL CHECK (days > 0),
    config            jsonb       NOT NULL,
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz,
    count_orders      bigint,
    count_events      bigint,
    count_records     bigint,
    events_by_type    jsonb
);
COMMENT ON TABLE truth.simulation_runs IS
    'One row per simulator run: its seed, window, full configuration and what it emitted.';
COMMENT ON COLUMN truth.simulation_runs.count_events IS
    'Distinct business events generated (before dirt).';
COMMENT ON COLUMN truth.simulation_runs.count_records IS
    'Records actually sent to the sink: events plus duplicates and malformed copies.';

CREATE TABLE truth.orders (
    order_id                   text             PRIMARY KEY,
    run_id                     text             NOT NULL REFERENCES truth.simulation_runs (run_id) ON DELETE CASCADE,
    placed_at                  timestamptz      NOT NULL,
    restaurant_id              text             NOT NULL,
    customer_id                text             NOT NULL,
    weather                    text             NOT NULL CHECK (weather IN ('clear', 'rain', 'storm')),
    expected_delivery_minutes  double precision CHECK (expected_delivery_minutes > 0),
    actual_delivery_minutes    double precision,
    is_cancelled               boolean          NOT NULL,
    fraud_probability          double precision NOT NULL CHECK (fraud_probability BETWEEN 0 AND 1),
    is_fraud                   boolean          NOT NULL,
    fraud_pattern              text             CHECK (fraud_pattern IN ('stolen_card', 'refund_abuse', 'account_farm'))
);
COMMENT ON TABLE truth.orders IS
    'One row per simulated order: the expected delivery minutes of the generative model (the best any '
    'model can predict), the delivery that happened, and the fraud probability the order was sampled from.';
COMMENT ON COLUMN truth.orders.expected_delivery_minutes IS
    'E[delivery minutes | world state at placement]: the physical limit of a delivery-time model. '
    'NULL only when no courier was on shift (the order could not be delivered at all).';
COMMENT ON COLUMN truth.orders.actual_delivery_minutes IS
    'Placed to delivered, in minutes; NULL when the order was cancelled.';
COMMENT ON COLUMN truth.orders.fraud_probability IS
    'The probability the fraud outcome was drawn from: ranking by it gives the best possible PR-AUC.';
COMMENT ON COLUMN truth.orders.fraud_pattern IS
    'Which fraud pattern produced the order when is_fraud, else NULL.';
CREATE INDEX orders_run_id_idx ON truth.orders (run_id);
CREATE INDEX orders_placed_at_idx ON truth.orders (placed_at);

CREATE TABLE truth.injected_dirt (
    run_id      text   NOT NULL REFERENCES truth.simulation_runs (run_id) ON DELETE CASCADE,
    dirt_kind   text   NOT NULL,
    topic       text   NOT NULL,
    count_records bigint NOT NULL CHECK (count_records >= 0),
    PRIMARY KEY (run_id, dirt_kind, topic)
);
COMMENT ON TABLE truth.injected_dirt IS
    'One row per run, kind of dirt and topic: how many records the simulator damaged on purpose, '
    'so the lander and the ETL can be checked against it.';
