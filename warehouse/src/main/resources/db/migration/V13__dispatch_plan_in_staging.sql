-- The kitchen's and the dispatcher's plan, as the events now carry it (optional fields added to
-- version 1 of order_accepted, courier_assigned and courier_shift_started). Rows staged before this
-- change keep NULL until a --full run re-stages them; events from before the fields existed stay NULL.
-- Positions are rounded to ~100 m like every other position of a person (a drop-off is a customer's
-- door, a shift start is often the courier's home).
ALTER TABLE staging.order_events
    ADD COLUMN expected_ready_at   timestamptz,
    ADD COLUMN expected_dropoff_at timestamptz,
    ADD COLUMN dropoff_lat_approx  double precision,
    ADD COLUMN dropoff_lon_approx  double precision;
COMMENT ON COLUMN staging.order_events.expected_ready_at IS
    'order_accepted: when the kitchen planned the food to be ready (its schedule, not the outcome).';
COMMENT ON COLUMN staging.order_events.expected_dropoff_at IS
    'courier_assigned: when the dispatcher planned the hand-over, i.e. when the courier becomes free.';
COMMENT ON COLUMN staging.order_events.dropoff_lat_approx IS
    'courier_assigned: where the courier becomes free (the delivery point), rounded to ~100 m.';

ALTER TABLE staging.courier_shifts
    ADD COLUMN lat_approx double precision,
    ADD COLUMN lon_approx double precision;
COMMENT ON COLUMN staging.courier_shifts.lat_approx IS
    'courier_shift_started: where the courier logged in (home, or where a job under way ends), ~100 m.';
