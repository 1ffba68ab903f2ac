-- features: the training tables of the two models, point-in-time correct. Each row is an order and
-- holds only what the platform knew when the order was placed (events received before placed_at),
-- plus the label the model learns. What each feature means and its window: FeatureCatalogue
-- (warehouse module) and the pipeline README. A test keeps these columns and the catalogue equal.

CREATE TABLE features.delivery_time (
    order_id                        text        PRIMARY KEY,
    placed_at                       timestamptz NOT NULL,
    restaurant_id                   text        NOT NULL,
    hour_of_day                     integer     NOT NULL,
    day_of_week                     integer     NOT NULL,
    is_weekend                      boolean     NOT NULL,
    weather                         text,
    item_count                      integer,
    basket_value_cents              bigint,
    distance_km                     double precision,
    restaurant_quoted_prep_minutes  integer,
    restaurant_kitchen_capacity     integer,
    restaurant_prep_minutes_avg_7d  double precision,
    restaurant_orders_last_30m      integer     NOT NULL,
    fleet_orders_last_30m           integer     NOT NULL,
    couriers_on_shift               integer     NOT NULL,
    fleet_load_30m                  double precision,
    delivery_minutes                double precision
);
COMMENT ON TABLE features.delivery_time IS
    'Grain: one row per order. Features known when the order was placed; label delivery_minutes (NULL '
    'until delivered, and for cancelled orders).';
CREATE INDEX delivery_time_placed_idx ON features.delivery_time (placed_at);

CREATE TABLE features.fraud (
    order_id                  text        PRIMARY KEY,
    placed_at                 timestamptz NOT NULL,
    customer_id               text        NOT NULL,
    hour_of_day               integer     NOT NULL,
    is_night_order            boolean     NOT NULL,
    basket_value_cents        bigint,
    basket_ratio              double precision,
    account_age_days          double precision,
    km_from_home              double precision,
    is_foreign_card           boolean,
    accounts_on_device        integer     NOT NULL,
    has_promo                 boolean     NOT NULL,
    customer_orders_before    integer     NOT NULL,
    customer_refunds_before   integer     NOT NULL,
    is_fraud                  boolean     NOT NULL,
    label_known_at            timestamptz
);
COMMENT ON TABLE features.fraud IS
    'Grain: one row per order. Features known when the order was placed; label is_fraud = a chargeback '
    'arrived for it (label_known_at = when). A recent order without a chargeback may still get one: '
    'train on orders old enough for their label to have matured.';
CREATE INDEX fraud_placed_idx ON features.fraud (placed_at);
