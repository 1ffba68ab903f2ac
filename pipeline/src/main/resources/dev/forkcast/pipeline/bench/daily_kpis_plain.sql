-- The daily KPIs of marts.daily_kpis computed in one SQL statement inside PostgreSQL, straight from
-- raw.events: the ETL benchmark's baseline. It applies the same rules as the ETL (first arrival of
-- each event_id, a clock from the future takes the receive time, a slow clock on order_placed takes
-- the receive time when the order was not yet accepted, on time = within 45 minutes) but builds
-- nothing else: no staging, no facts, no features, no checks.
WITH events AS (
    SELECT DISTINCT ON (event_id) event_id, event_type, event_time, kafka_timestamp, body
    FROM raw.events
    WHERE topic IN ('forkcast.orders', 'forkcast.payments', 'forkcast.registrations')
    ORDER BY event_id, kafka_timestamp, topic, kafka_partition, kafka_offset
), order_events AS (
    SELECT body ->> 'order_id' AS order_id, event_type, kafka_timestamp AS received_at, body,
           CASE WHEN event_time > kafka_timestamp + interval '1 minute' THEN kafka_timestamp ELSE event_time END AS event_at
    FROM events
    WHERE event_type IN ('order_placed', 'order_accepted', 'order_delivered', 'order_cancelled',
                         'refund_requested', 'chargeback_received')
), orders AS (
    SELECT order_id,
           min(event_at) FILTER (WHERE event_type = 'order_placed') AS reported_placed_at,
           min(received_at) FILTER (WHERE event_type = 'order_placed') AS placed_received_at,
           min(event_at) FILTER (WHERE event_type = 'order_accepted') AS accepted_at,
           min(event_at) FILTER (WHERE event_type = 'order_delivered') AS delivered_at,
           bool_or(event_type = 'order_cancelled') AS is_cancelled,
           bool_or(event_type = 'refund_requested') AS is_refund_requested,
           bool_or(event_type = 'chargeback_received') AS is_chargeback,
           min(body ->> 'restaurant_id') FILTER (WHERE event_type = 'order_placed') AS restaurant_id,
           min((body -> 'payload' ->> 'basket_value_cents')::bigint) FILTER (WHERE event_type = 'order_placed') AS basket_value_cents
    FROM order_events
    GROUP BY order_id
    HAVING bool_or(event_type = 'order_placed')
), placed AS (
    SELECT *,
           CASE WHEN placed_received_at - reported_placed_at > interval '1 minute'
                     AND (accepted_at IS NULL OR placed_received_at <= accepted_at)
                THEN placed_received_at ELSE reported_placed_at END AS placed_at
    FROM orders
), restaurants AS (
    SELECT DISTINCT ON (body ->> 'restaurant_id') body ->> 'restaurant_id' AS restaurant_id,
           body -> 'payload' ->> 'zone_id' AS zone_id, body -> 'payload' ->> 'cuisine' AS cuisine
    FROM events
    WHERE event_type = 'restaurant_joined'
    ORDER BY body ->> 'restaurant_id', event_time, event_id
)
SELECT (p.placed_at AT TIME ZONE 'UTC')::date AS order_date,
       COALESCE(r.zone_id, 'unknown') AS zone_id,
       COALESCE(r.cuisine, 'unknown') AS cuisine,
       count(*) AS orders,
       count(*) FILTER (WHERE p.delivered_at IS NOT NULL) AS delivered,
       count(*) FILTER (WHERE p.is_cancelled) AS cancelled,
       count(*) FILTER (WHERE p.delivered_at - p.placed_at <= interval '45 minutes') AS on_time_deliveries,
       avg(EXTRACT(EPOCH FROM p.delivered_at - p.placed_at) / 60.0) AS avg_delivery_minutes,
       COALESCE(sum(p.basket_value_cents) FILTER (WHERE NOT p.is_cancelled), 0) AS gross_value_cents,
       count(*) FILTER (WHERE p.is_refund_requested) AS refund_requests,
       count(*) FILTER (WHERE p.is_chargeback) AS chargebacks
FROM placed p
LEFT JOIN restaurants r USING (restaurant_id)
GROUP BY 1, 2, 3
