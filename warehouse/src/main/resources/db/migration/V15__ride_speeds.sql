-- How fast couriers ride, by vehicle, hour and weather, as learned each day from the week of position pings
-- before it (RideSpeeds in the warehouse module reads it; the ETL's RideSpeedTable fills it). The soonest
-- courier of features.delivery_time is timed with these speeds instead of one typical speed per vehicle.
--
-- The fleet features of every order change with it, so the derived layers are emptied and the ETL watermark
-- forgotten, as in V14: the next ETL run rebuilds staging, marts and features from raw.events.

TRUNCATE staging.customers, staging.restaurants, staging.couriers, staging.order_events, staging.payment_events,
    staging.courier_shifts, staging.courier_pings;
TRUNCATE marts.fct_orders, marts.dim_restaurants, marts.dim_customers, marts.dim_couriers, marts.dim_date,
    marts.daily_kpis;
TRUNCATE features.delivery_time, features.fraud;
DELETE FROM ops.etl_watermarks;

CREATE TABLE features.ride_speeds (
    day          date             NOT NULL,
    vehicle      text             NOT NULL,
    hour_of_day  integer          NOT NULL CHECK (hour_of_day BETWEEN 0 AND 23),
    weather      text             NOT NULL,
    pings        bigint           NOT NULL CHECK (pings > 0),
    speed_kmh    double precision NOT NULL,
    PRIMARY KEY (day, vehicle, hour_of_day, weather)
);
COMMENT ON TABLE features.ride_speeds IS
    'Grain: one row per day, vehicle, hour of the order''s placement (UTC) and weather. speed_kmh is the mean '
    'speed of the moving pings (to_restaurant, to_customer) usable in the 7 days before day: a ping is usable '
    'once it and its order''s placement were both received. Cells under 20 pings are not used (the typical '
    'speed of the vehicle is).';
