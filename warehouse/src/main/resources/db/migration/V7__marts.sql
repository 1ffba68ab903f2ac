-- marts: the star schema analysts query. One fact table at the grain of an order, four dimensions,
-- and the daily KPIs. Every table says its grain in its comment: the first thing to know about any
-- table is what one row is.

CREATE TABLE marts.dim_date (
    date_day         date     PRIMARY KEY,
    year             integer  NOT NULL,
    quarter          integer  NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    month            integer  NOT NULL CHECK (month BETWEEN 1 AND 12),
    day_of_month     integer  NOT NULL CHECK (day_of_month BETWEEN 1 AND 31),
    iso_day_of_week  integer  NOT NULL CHECK (iso_day_of_week BETWEEN 1 AND 7),
    day_name         text     NOT NULL,
    is_weekend       boolean  NOT NULL
);
COMMENT ON TABLE marts.dim_date IS
    'Grain: one row per calendar day (UTC) from the first to the last day with an order.';

CREATE TABLE marts.dim_restaurants (
    restaurant_id        text        PRIMARY KEY,
    restaurant_name      text        NOT NULL,
    cuisine              text        NOT NULL,
    price_level          integer     NOT NULL,
    zone_id              text        NOT NULL,
    lat                  double precision NOT NULL,
    lon                  double precision NOT NULL,
    kitchen_capacity     integer     NOT NULL,
    quoted_prep_minutes  integer     NOT NULL,
    joined_at            timestamptz NOT NULL
);
COMMENT ON TABLE marts.dim_restaurants IS 'Grain: one row per restaurant on the platform.';

CREATE TABLE marts.dim_customers (
    customer_id          text        PRIMARY KEY,
    signed_up_at         timestamptz NOT NULL,
    signup_date          date        NOT NULL,
    platform             text,
    has_referral_code    boolean     NOT NULL,
    accounts_on_device   integer     NOT NULL CHECK (accounts_on_device >= 1)
);
COMMENT ON TABLE marts.dim_customers IS
    'Grain: one row per customer account. No personal data: no name, contact or address, not even as '
    'pseudonyms (they stay in staging for whoever has a reason to join on them).';
COMMENT ON COLUMN marts.dim_customers.accounts_on_device IS
    'How many accounts signed up on this account''s device (account farms share one phone).';

CREATE TABLE marts.dim_couriers (
    courier_id      text        PRIMARY KEY,
    vehicle         text        NOT NULL,
    home_zone_id    text        NOT NULL,
    shift_pattern   text        NOT NULL,
    joined_at       timestamptz NOT NULL
);
COMMENT ON TABLE marts.dim_couriers IS 'Grain: one row per courier in the fleet.';

CREATE TABLE marts.fct_orders (
    order_id                  text        PRIMARY KEY,
    customer_id               text        NOT NULL,
    restaurant_id             text        NOT NULL,
    courier_id                text,
    placed_date               date        NOT NULL,
    placed_at                 timestamptz NOT NULL,
    accepted_at               timestamptz,
    assigned_at               timestamptz,
    picked_up_at              timestamptz,
    delivered_at              timestamptz,
    cancelled_at              timestamptz,
    status                    text        NOT NULL CHECK (status IN ('delivered', 'cancelled', 'in_progress')),
    minutes_to_accept         double precision,
    minutes_to_pickup         double precision,
    minutes_to_deliver        double precision,
    delivery_minutes          double precision,
    is_on_time                boolean,
    basket_value_cents        bigint,
    item_count                integer,
    weather                   text,
    platform                  text,
    has_promo                 boolean     NOT NULL,
    vehicle                   text,
    cancelled_by              text,
    cancel_reason             text,
    amount_cents              bigint,
    card_country              text,
    is_refund_requested       boolean     NOT NULL,
    is_chargeback             boolean     NOT NULL,
    chargeback_at             timestamptz,
    event_count               integer     NOT NULL,
    ping_count                integer     NOT NULL,
    is_placed_clock_corrected boolean     NOT NULL,
    has_out_of_order_events   boolean     NOT NULL,
    has_late_events           boolean     NOT NULL
);
COMMENT ON TABLE marts.fct_orders IS
    'Grain: one row per order whose order_placed event has arrived. The times of its legs, its status, '
    'value, payment, and the fraud label once known (is_chargeback: the bank disputed the payment, days '
    'later). delivery_minutes = placed to delivered; is_on_time = delivered within 45 minutes.';
COMMENT ON COLUMN marts.fct_orders.placed_at IS
    'When the customer placed the order. The app''s clock reports it; a clock that was clearly slow (the '
    'event reached the platform more than a minute after its time yet before the restaurant accepted the '
    'order) is replaced by the receive time, see is_placed_clock_corrected.';
COMMENT ON COLUMN marts.fct_orders.has_out_of_order_events IS
    'Some event of the order arrived after an event that happened later (the facts use event times, so '
    'the arrival order does not matter).';
COMMENT ON COLUMN marts.fct_orders.has_late_events IS
    'Some event of the order reached the platform more than 10 minutes after it happened.';
CREATE INDEX fct_orders_placed_idx ON marts.fct_orders (placed_date);
CREATE INDEX fct_orders_customer_idx ON marts.fct_orders (customer_id, placed_at);
CREATE INDEX fct_orders_restaurant_idx ON marts.fct_orders (restaurant_id, placed_at);

CREATE TABLE marts.daily_kpis (
    order_date             date     NOT NULL,
    zone_id                text     NOT NULL,
    cuisine                text     NOT NULL,
    orders                 bigint   NOT NULL CHECK (orders >= 0),
    delivered              bigint   NOT NULL,
    cancelled              bigint   NOT NULL,
    in_progress            bigint   NOT NULL,
    on_time_deliveries     bigint   NOT NULL,
    on_time_rate           double precision,
    avg_delivery_minutes   double precision,
    cancellation_rate      double precision NOT NULL,
    gross_value_cents      bigint   NOT NULL,
    refund_requests        bigint   NOT NULL,
    chargebacks            bigint   NOT NULL,
    PRIMARY KEY (order_date, zone_id, cuisine)
);
COMMENT ON TABLE marts.daily_kpis IS
    'Grain: one row per day (UTC, of placement), restaurant zone and cuisine that had at least one order. '
    'Counts add up across rows; rates do not (recompute them from the counts: on_time_deliveries / '
    'delivered, cancelled / orders). on_time_rate and avg_delivery_minutes are NULL when nothing was delivered.';
