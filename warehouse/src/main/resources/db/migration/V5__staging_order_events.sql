-- staging.order_events: every order life-cycle event once, typed. The facts (fct_orders) are built
-- from it; the rules applied here are the ones that need no other event: de-duplication by event_id,
-- and clocks that report the future corrected to the time the platform received the event.

CREATE TABLE staging.order_events (
    event_id               text        PRIMARY KEY,
    order_id               text        NOT NULL,
    event_type             text        NOT NULL CHECK (event_type IN ('order_placed', 'order_accepted',
                               'courier_assigned', 'order_picked_up', 'order_delivered', 'order_cancelled')),
    event_at               timestamptz NOT NULL,
    received_at            timestamptz NOT NULL,
    is_clock_corrected     boolean     NOT NULL,
    customer_id            text,
    restaurant_id          text,
    courier_id             text,
    basket_value_cents     bigint,
    item_count             integer,
    delivery_lat_approx    double precision,
    delivery_lon_approx    double precision,
    delivery_address_pseudonym text,
    device_id              text,
    platform               text,
    promo_code             text,
    weather                text,
    quoted_prep_minutes    integer,
    vehicle                text,
    cancelled_by           text,
    cancel_reason          text
);
COMMENT ON TABLE staging.order_events IS
    'One row per order life-cycle event (event_id), typed and renamed. event_at is when it happened; when a '
    'device clock reported a time after the platform received the event, event_at is the receive time and '
    'is_clock_corrected is true. Delivery addresses are pseudonyms, delivery coordinates rounded to ~100 m.';
CREATE INDEX order_events_order_idx ON staging.order_events (order_id, event_at);
