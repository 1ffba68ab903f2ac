-- The warehouse's layers, one schema each (see DESIGN.md). Tables arrive with the issue that owns them;
-- the schemas exist from day one so every role knows where its data will live.

CREATE SCHEMA IF NOT EXISTS raw;
COMMENT ON SCHEMA raw IS 'Events exactly as they arrived from Kafka, with topic/partition/offset. Append-only.';

CREATE SCHEMA IF NOT EXISTS staging;
COMMENT ON SCHEMA staging IS 'One typed, cleaned, de-duplicated row per event or entity. PII pseudonymised here.';

CREATE SCHEMA IF NOT EXISTS marts;
COMMENT ON SCHEMA marts IS 'Star schema for analytics: fct_orders, dim_* and daily KPI tables.';

CREATE SCHEMA IF NOT EXISTS features;
COMMENT ON SCHEMA features IS 'ML feature tables, point-in-time correct, and the online (latest value) feature store.';

CREATE SCHEMA IF NOT EXISTS ml;
COMMENT ON SCHEMA ml IS 'Model registry (bytes, provenance, metrics, aliases), training runs, prediction log, drift.';

CREATE SCHEMA IF NOT EXISTS ops;
COMMENT ON SCHEMA ops IS 'Pipeline runs, data-quality results, consumer offsets stored beside the data they cover.';

CREATE SCHEMA IF NOT EXISTS truth;
COMMENT ON SCHEMA truth IS 'The simulator''s ground truth. Used to judge models and pipelines, never as a feature.';
