-- features.ride_speeds also learns over all history before each day, beside the week before: storms blow a
-- few hours a week, so a week rarely holds enough storm pings at a given hour, and a courier in a storm was
-- timed at a fair-weather speed (RideSpeeds in the warehouse module has the order of the rules). The table is
-- recreated with a learned_over column; the derived layers are emptied and the ETL watermark forgotten, as in
-- V14-V16, so the next ETL run rebuilds everything from raw.

TRUNCATE staging.customers, staging.restaurants, staging.couriers, staging.order_events, staging.payment_events,
    staging.courier_shifts, staging.courier_pings;
TRUNCATE marts.fct_orders, marts.dim_restaurants, marts.dim_customers, marts.dim_couriers, marts.dim_date,
    marts.daily_kpis;
TRUNCATE features.delivery_time, features.fraud;
DELETE FROM ops.etl_watermarks;

DROP TABLE features.ride_speeds;
CREATE TABLE features.ride_speeds (
    day          date             NOT NULL,
    learned_over text             NOT NULL CHECK (learned_over IN ('week', 'history')),
    vehicle      text             NOT NULL,
    hour_of_day  integer          NOT NULL CHECK (hour_of_day BETWEEN 0 AND 23),
    weather      text             NOT NULL,
    pings        bigint           NOT NULL CHECK (pings > 0),
    speed_kmh    double precision NOT NULL,
    PRIMARY KEY (day, learned_over, vehicle, hour_of_day, weather)
);
COMMENT ON TABLE features.ride_speeds IS
    'Grain: one row per day, window (learned_over: the 7 days before day, or all history before it), vehicle, '
    'hour of the order''s placement (UTC) and weather. speed_kmh is the mean speed of the moving pings '
    '(to_restaurant, to_customer) usable in the window: a ping is usable once it and its order''s placement '
    'were both received. Figures under 20 pings are not used.';
