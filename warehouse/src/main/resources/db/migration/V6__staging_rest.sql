-- The rest of staging: restaurants, couriers, their shifts and pings, and payments. Same rules as
-- V4 and V5: one row per event or entity, typed and renamed, de-duplicated by event_id, personal
-- data (card fingerprints) pseudonymised, a device clock reporting the future corrected to the
-- time the platform received the event.

CREATE TABLE staging.restaurants (
    restaurant_id        text        PRIMARY KEY,
    joined_at            timestamptz NOT NULL,
    restaurant_name      text        NOT NULL,
    cuisine              text        NOT NULL,
    price_level          integer     NOT NULL,
    lat                  double precision NOT NULL,
    lon                  double precision NOT NULL,
    zone_id              text        NOT NULL,
    kitchen_capacity     integer     NOT NULL,
    quoted_prep_minutes  integer     NOT NULL
);
COMMENT ON TABLE staging.restaurants IS
    'One row per restaurant (its first restaurant_joined event). A restaurant is a business: its name and '
    'exact position are not personal data and stay in clear.';

CREATE TABLE staging.couriers (
    courier_id      text        PRIMARY KEY,
    joined_at       timestamptz NOT NULL,
    vehicle         text        NOT NULL,
    home_zone_id    text        NOT NULL,
    shift_pattern   text        NOT NULL
);
COMMENT ON TABLE staging.couriers IS 'One row per courier (the first courier_joined event).';

CREATE TABLE staging.courier_shifts (
    event_id        text        PRIMARY KEY,
    courier_id      text        NOT NULL,
    event_type      text        NOT NULL CHECK (event_type IN ('courier_shift_started', 'courier_shift_ended')),
    event_at        timestamptz NOT NULL,
    received_at     timestamptz NOT NULL,
    zone_id         text,
    jobs_completed  integer
);
COMMENT ON TABLE staging.courier_shifts IS
    'One row per shift start or end of a courier. zone_id is where a shift started; jobs_completed is '
    'reported when it ends.';
CREATE INDEX courier_shifts_courier_idx ON staging.courier_shifts (courier_id, event_at);

CREATE TABLE staging.courier_pings (
    event_id            text        PRIMARY KEY,
    courier_id          text        NOT NULL,
    order_id            text,
    event_at            timestamptz NOT NULL,
    received_at         timestamptz NOT NULL,
    is_clock_corrected  boolean     NOT NULL,
    lat                 double precision,
    lon                 double precision,
    job_status          text,
    speed_kmh           double precision,
    accuracy_m          integer,
    battery_pct         integer
);
COMMENT ON TABLE staging.courier_pings IS
    'One row per position report of a courier''s phone while on a job. accuracy_m and battery_pct are '
    'optional in the contract (older apps leave them out) and NULL then.';
CREATE INDEX courier_pings_order_idx ON staging.courier_pings (order_id);

CREATE TABLE staging.payment_events (
    event_id                    text        PRIMARY KEY,
    order_id                    text        NOT NULL,
    customer_id                 text,
    event_type                  text        NOT NULL CHECK (event_type IN ('payment_authorized',
                                    'refund_requested', 'chargeback_received')),
    event_at                    timestamptz NOT NULL,
    received_at                 timestamptz NOT NULL,
    is_clock_corrected          boolean     NOT NULL,
    amount_cents                bigint,
    currency                    text,
    card_fingerprint_pseudonym  text,
    card_country                text,
    payment_method              text,
    reason                      text
);
COMMENT ON TABLE staging.payment_events IS
    'One row per payment event of an order: the authorisation, a refund request, a chargeback (the '
    'delayed fraud label). Card fingerprints identify a person''s card and are keyed pseudonyms here.';
COMMENT ON COLUMN staging.payment_events.reason IS
    'The refund reason (refund_requested) or the bank''s reason code (chargeback_received).';
CREATE INDEX payment_events_order_idx ON staging.payment_events (order_id);
