-- The prediction log's features and output as json (the text as written, checked to be JSON) instead of jsonb
-- (parsed into a binary tree on the way in). The API copies a row in per answer, thousands a second under load, and
-- on the API benchmark's machine converting to jsonb was about a third of COPY's time per row (100,000 logged rows:
-- ~1.6 s into jsonb columns, ~1.05 s into json). The log is written far more often than it is read; drift queries
-- still read it with ->> (or cast to jsonb where they need its operators), and json keeps the keys in the catalogue's
-- order, as the API answered them.
ALTER TABLE ml.prediction_log
    ALTER COLUMN features TYPE json USING features::json,
    ALTER COLUMN output TYPE json USING output::json;
