-- Landing: the lander writes every valid record it consumes into raw.events, and in the same
-- transaction the next Kafka offset of each partition into ops.consumer_offsets. Rows and offsets
-- commit together or not at all, which is what makes landing exactly-once across crashes.

CREATE TABLE raw.events (
    topic            text        NOT NULL,
    kafka_partition  integer     NOT NULL,
    kafka_offset     bigint      NOT NULL,
    kafka_timestamp  timestamptz NOT NULL,
    record_key       text,
    event_id         text        NOT NULL,
    event_type       text        NOT NULL,
    schema_version   integer     NOT NULL,
    event_time       timestamptz NOT NULL,
    body             json        NOT NULL,
    landed_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);
COMMENT ON TABLE raw.events IS
    'One row per valid record consumed from Kafka, exactly as it arrived (body keeps the original JSON text), '
    'with its topic, partition and offset. Append-only. Duplicates (same event_id) are kept: raw is what arrived.';
COMMENT ON COLUMN raw.events.kafka_timestamp IS
    'The record''s Kafka timestamp: when the platform received it (simulated time for simulated runs).';
COMMENT ON COLUMN raw.events.event_time IS
    'When the event happened, as its producer reported it (a phone''s clock may be wrong).';
COMMENT ON COLUMN raw.events.body IS
    'The record as sent. Type json, not jsonb, on purpose: json keeps the exact text, jsonb would re-encode it.';
CREATE INDEX events_event_type_time_idx ON raw.events (event_type, event_time);
CREATE INDEX events_landed_at_idx ON raw.events (landed_at);

CREATE TABLE ops.consumer_offsets (
    consumer_group   text        NOT NULL,
    topic            text        NOT NULL,
    kafka_partition  integer     NOT NULL,
    next_offset      bigint      NOT NULL CHECK (next_offset >= 0),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, kafka_partition)
);
COMMENT ON TABLE ops.consumer_offsets IS
    'One row per consumer group and partition: the next offset to read. Written in the same transaction '
    'as the rows it covers, read back when a consumer starts (Kafka''s own committed offsets are not used).';

CREATE TABLE ops.dead_letters (
    topic            text        NOT NULL,
    kafka_partition  integer     NOT NULL,
    kafka_offset     bigint      NOT NULL,
    kafka_timestamp  timestamptz NOT NULL,
    reason           text        NOT NULL,
    value_bytes      integer     NOT NULL CHECK (value_bytes >= 0),
    dead_lettered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);
COMMENT ON TABLE ops.dead_letters IS
    'One row per record the lander rejected and sent to the dead-letter topic, with the reason. The original '
    'bytes are in the dead-letter topic; this table counts them exactly once.';
