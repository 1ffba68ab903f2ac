-- ops for the ETL: every run recorded (what it read, what it wrote, how it ended), every
-- data-quality check's result kept with its run, and the watermark that makes runs incremental.

CREATE TABLE ops.pipeline_runs (
    run_id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job           text        NOT NULL,
    mode          text        NOT NULL CHECK (mode IN ('incremental', 'full')),
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    status        text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    raw_rows_read bigint,
    input_offsets jsonb,
    error         text
);
COMMENT ON TABLE ops.pipeline_runs IS
    'One row per ETL run: when, which raw offsets it read (per topic and partition, from and to), how it '
    'ended. A failed run leaves the watermark where it was: the next run reads the same input again.';

CREATE TABLE ops.pipeline_run_tables (
    run_id      bigint  NOT NULL REFERENCES ops.pipeline_runs (run_id) ON DELETE CASCADE,
    table_name  text    NOT NULL,
    rows_in     bigint  NOT NULL,
    rows_out    bigint  NOT NULL,
    PRIMARY KEY (run_id, table_name)
);
COMMENT ON TABLE ops.pipeline_run_tables IS
    'One row per run and table written: rows_in = rows the run computed for it, rows_out = rows the table '
    'holds after the run.';

CREATE TABLE ops.quality_results (
    run_id        bigint      NOT NULL REFERENCES ops.pipeline_runs (run_id) ON DELETE CASCADE,
    check_name    text        NOT NULL,
    layer         text        NOT NULL CHECK (layer IN ('staging', 'marts', 'features')),
    table_name    text        NOT NULL,
    kind          text        NOT NULL,
    severity      text        NOT NULL CHECK (severity IN ('error', 'warn')),
    passed        boolean     NOT NULL,
    failing_rows  bigint      NOT NULL,
    detail        text,
    checked_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, check_name)
);
COMMENT ON TABLE ops.quality_results IS
    'One row per run and data-quality check: passed or not, how many rows failed, and what was seen. A '
    'failed check of severity error stops the run before it publishes the layer it checked.';

CREATE TABLE ops.etl_watermarks (
    topic            text        NOT NULL,
    kafka_partition  integer     NOT NULL,
    next_offset      bigint      NOT NULL CHECK (next_offset >= 0),
    run_id           bigint      NOT NULL REFERENCES ops.pipeline_runs (run_id),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition)
);
COMMENT ON TABLE ops.etl_watermarks IS
    'One row per raw topic and partition: the first Kafka offset the next ETL run has not read yet. Raw is '
    'append-only and landed in offset order per partition, so offsets are an exact watermark: nothing '
    'that arrives late is skipped, however late it is.';
