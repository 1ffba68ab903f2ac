package dev.forkcast.warehouse.features;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The history features of {@code features.delivery_time} for one restaurant "as of" an instant, computed
 * in PostgreSQL from the tables the ETL publishes, with the ETL's definitions: the API's way to get, for a
 * new order, exactly what the trainer saw for past orders (no training/serving skew). An integration test
 * in {@code pipeline} ({@code OnlineFeaturesIT}) computes it for every order the ETL built features for and
 * expects the same values.
 *
 * <p>The rules it shares with the Spark ETL ({@code DeliveryTimeFeatures}, {@code FleetLoad}):
 * <ul>
 *   <li>an order counts from the <em>first receipt</em> of its order_placed event, and only orders in
 *       {@code marts.fct_orders} count, keyed by the fact's {@code restaurant_id};</li>
 *   <li>windows are {@code [T - window, T)}: what arrived at the very instant T was not known yet;</li>
 *   <li>a preparation time is known once both the first acceptance and the first pickup were received
 *       (the later of the two receipts), and only if the fact holds both times;</li>
 *   <li>couriers on shift are the shift starts minus ends received before T, over all history, clipped
 *       at 0 (a late start event can make the balance briefly negative);</li>
 *   <li>the order itself never counts: for a new order that is automatic; to recompute a past order's
 *       features, pass its id as {@code excludeOrderId}.</li>
 * </ul>
 */
public final class DeliveryTimeLookup {

    /**
     * How far an order's events can arrive after its placement. The restaurant's orders are found through
     * the index on {@code (restaurant_id, placed_at)}; an order placed before {@code T - window - SETTLE}
     * cannot have its placement or preparation received inside the window. The simulator's events are at
     * most 6 hours late and a delivery takes about an hour: a day is a wide margin, and the integration
     * test would show an order outside it as a mismatch.
     */
    static final Duration SETTLE = Duration.ofDays(1);

    /**
     * The condition that an {@code order_placed} row {@code e} is its order's first receipt (a retried copy
     * arriving later is not a new order): the ETL's {@code OrderReceipts} rule, for both queries below.
     */
    private static final String IS_FIRST_PLACEMENT_RECEIPT = """
            NOT EXISTS (SELECT 1 FROM staging.order_events earlier
                        WHERE earlier.order_id = e.order_id AND earlier.event_type = 'order_placed'
                          AND (earlier.received_at < e.received_at
                               OR (earlier.received_at = e.received_at AND earlier.event_id < e.event_id)))""";

    private static final NamedSql QUERY = new NamedSql("""
            WITH restaurant_orders AS (
              SELECT order_id, accepted_at, picked_up_at
              FROM marts.fct_orders
              WHERE restaurant_id = :restaurant_id
                AND placed_at >= :scan_from AND placed_at < :scan_to
                AND order_id IS DISTINCT FROM :exclude_order_id::text
            ),
            receipts AS (
              SELECT e.order_id,
                     min(e.received_at) FILTER (WHERE e.event_type = 'order_placed') AS placed_received_at,
                     greatest(min(e.received_at) FILTER (WHERE e.event_type = 'order_accepted'),
                              min(e.received_at) FILTER (WHERE e.event_type = 'order_picked_up')) AS prep_known_at,
                     count(*) FILTER (WHERE e.event_type = 'order_accepted') > 0
                       AND count(*) FILTER (WHERE e.event_type = 'order_picked_up') > 0 AS has_both
              FROM staging.order_events e
              JOIN restaurant_orders o USING (order_id)
              WHERE e.event_type IN ('order_placed', 'order_accepted', 'order_picked_up')
              GROUP BY e.order_id
            ),
            kitchen AS (
              SELECT count(*) FILTER (WHERE r.placed_received_at >= :load_from AND r.placed_received_at < :t)
                       AS restaurant_orders_last_30m,
                     count(*) FILTER (WHERE prep_in_window) AS preps,
                     sum(floor(extract(epoch FROM o.picked_up_at) * 1000) - floor(extract(epoch FROM o.accepted_at) * 1000))
                       FILTER (WHERE prep_in_window) AS prep_millis
              FROM restaurant_orders o
              JOIN receipts r USING (order_id)
              CROSS JOIN LATERAL (SELECT r.has_both AND o.accepted_at IS NOT NULL AND o.picked_up_at IS NOT NULL
                                         AND r.prep_known_at >= :prep_from AND r.prep_known_at < :t AS prep_in_window) w
            ),
            first_placements AS (
              -- The city's placements received in the window that are their order's first receipt.
              SELECT e.order_id
              FROM staging.order_events e
              WHERE e.event_type = 'order_placed' AND e.received_at >= :load_from AND e.received_at < :t
                AND e.order_id IS DISTINCT FROM :exclude_order_id::text
                AND {is_first_placement_receipt}
            ),
            fleet AS (
              SELECT count(*) AS fleet_orders_last_30m
              FROM first_placements p
              JOIN marts.fct_orders o USING (order_id)
            ),
            shifts AS (
              SELECT greatest(coalesce(sum(CASE WHEN event_type = 'courier_shift_started' THEN 1 ELSE -1 END), 0), 0)
                       AS couriers_on_shift
              FROM staging.courier_shifts
              WHERE received_at < :t
            )
            SELECT r.lat, r.lon, r.quoted_prep_minutes, r.kitchen_capacity,
                   k.restaurant_orders_last_30m, k.preps, k.prep_millis, f.fleet_orders_last_30m, s.couriers_on_shift
            FROM kitchen k
            CROSS JOIN fleet f
            CROSS JOIN shifts s
            LEFT JOIN marts.dim_restaurants r ON r.restaurant_id = :restaurant_id
            """.replace("{is_first_placement_receipt}", IS_FIRST_PLACEMENT_RECEIPT));

    /**
     * The courier events and order placements received in {@code [from, t)}, in the ETL's replay order
     * ({@code FleetSupply}): receive time, then the kind of moment, then the id in byte order. A placement
     * carries its order's placement time (as {@code event_at}) and weather: the speeds it was timed with.
     */
    private static final NamedSql FLEET_MOMENTS = new NamedSql("""
            WITH first_placements AS (
              SELECT e.order_id, e.received_at
              FROM staging.order_events e
              WHERE e.event_type = 'order_placed' AND e.received_at >= :from AND e.received_at < :t
                AND {is_first_placement_receipt}
            )
            SELECT * FROM (
            SELECT p.received_at AS at, 1 AS kind, p.order_id AS id, p.order_id, NULL AS courier_id, NULL AS vehicle,
                   o.placed_at AS event_at, r.lat, r.lon, NULL::timestamptz AS free_at, o.weather
            FROM first_placements p
            JOIN marts.fct_orders o USING (order_id)
            JOIN marts.dim_restaurants r ON r.restaurant_id = o.restaurant_id
            WHERE r.lat IS NOT NULL AND r.lon IS NOT NULL
            UNION ALL
            SELECT s.received_at, CASE s.event_type WHEN 'courier_shift_started' THEN 2 ELSE 3 END, s.event_id, NULL,
                   s.courier_id, c.vehicle, s.event_at, s.lat_approx, s.lon_approx, NULL, NULL
            FROM staging.courier_shifts s
            LEFT JOIN staging.couriers c USING (courier_id)
            WHERE s.received_at >= :from AND s.received_at < :t
            UNION ALL
            SELECT e.received_at, 4, e.event_id, e.order_id, e.courier_id, e.vehicle, e.event_at,
                   e.dropoff_lat_approx, e.dropoff_lon_approx, e.expected_dropoff_at, NULL
            FROM staging.order_events e
            WHERE e.event_type = 'courier_assigned' AND e.courier_id IS NOT NULL
              AND e.received_at >= :from AND e.received_at < :t
            ) moments
            ORDER BY at, kind, id COLLATE "C"
            """.replace("{is_first_placement_receipt}", IS_FIRST_PLACEMENT_RECEIPT));

    private final DataSource dataSource;

    public DeliveryTimeLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the platform knew at {@code at} about the restaurant's kitchen and the fleet. */
    public DeliveryTimeHistory asOf(String restaurantId, Instant at) throws SQLException {
        return asOf(restaurantId, at, null);
    }

    /**
     * The same for a past order, which must not count itself.
     *
     * @param excludeOrderId the order whose features these are (its own placement and preparation do not
     *                       count), or null for a new order
     */
    public DeliveryTimeHistory asOf(String restaurantId, Instant at, String excludeOrderId) throws SQLException {
        return lookup(restaurantId, at, excludeOrderId, null);
    }

    /**
     * The fleet replayed once as of {@code at}, for {@link #asOf(String, Fleet)} to ask about any number of
     * restaurants. Every restaurant's lookup at one instant replays the same events (the replay never depends on
     * the restaurant, only its last question does), so sharing it gives exactly what {@link #asOf(String, Instant)}
     * gives, for one replay instead of one per restaurant.
     */
    public Fleet fleetAt(Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return replay(c, at);
        }
    }

    /** {@link #asOf(String, Instant)} at {@code fleet.at()}, with that fleet's replay instead of a new one. */
    public DeliveryTimeHistory asOf(String restaurantId, Fleet fleet) throws SQLException {
        return lookup(restaurantId, fleet.at(), null, fleet);
    }

    /**
     * The fleet as the platform knew it at one instant, with that day's ride speeds: a finished replay that is
     * only asked, never fed again ({@link FleetState#soonestAt} and the speeds only read), so any number of threads
     * may ask it at once.
     */
    public static final class Fleet {
        private final Instant at;
        private final FleetState state;
        private final RideSpeeds speeds;

        private Fleet(Instant at, FleetState state, RideSpeeds speeds) {
            this.at = at;
            this.state = state;
            this.speeds = speeds;
        }

        public Instant at() {
            return at;
        }

        DeliveryTimeHistory.SoonestCourier ask(double lat, double lon) {
            return DeliveryTimeHistory.SoonestCourier.ask(state, speeds, lat, lon, at);
        }
    }

    private DeliveryTimeHistory lookup(String restaurantId, Instant at, String excludeOrderId, Fleet shared)
            throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("restaurant_id", restaurantId);
        values.put("t", utc(at));
        values.put("load_from", utc(at.minus(FeatureWindows.LOAD)));
        values.put("prep_from", utc(at.minus(FeatureWindows.RESTAURANT_PREP)));
        values.put("scan_from", utc(at.minus(FeatureWindows.RESTAURANT_PREP).minus(SETTLE)));
        values.put("scan_to", utc(at.plus(SETTLE)));
        values.put("exclude_order_id", excludeOrderId);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = QUERY.prepare(c, values);
             ResultSet rows = s.executeQuery()) {
            rows.next();
            long preps = rows.getLong("preps");
            // Spark divides the summed milliseconds by (count x 60,000), both as doubles: so does this.
            Double prepAvg = preps > 0 ? rows.getBigDecimal("prep_millis").doubleValue() / (double) (preps * 60_000L) : null;
            Double lat = rows.getObject("lat", Double.class);
            Double lon = rows.getObject("lon", Double.class);
            return new DeliveryTimeHistory(lat, lon,
                    rows.getObject("quoted_prep_minutes", Integer.class), rows.getObject("kitchen_capacity", Integer.class),
                    prepAvg, rows.getInt("restaurant_orders_last_30m"), rows.getInt("fleet_orders_last_30m"),
                    rows.getInt("couriers_on_shift"), lat == null || lon == null ? null
                            : (shared != null ? shared : replay(c, at)).ask(lat, lon));
        }
    }

    /**
     * The fleet replayed from the last {@link FleetState#LOOKBACK} of events before {@code at}, with the ride
     * speeds of each moment's day ({@link RideSpeeds}), ready to be asked about restaurants.
     */
    private static Fleet replay(Connection c, Instant at) throws SQLException {
        Instant from = at.minus(FleetState.LOOKBACK);
        RideSpeeds speeds = RideSpeeds.load(c, from, at);
        FleetState fleet = new FleetState();
        Map<String, Object> window = new HashMap<>();
        window.put("from", utc(from));
        window.put("t", utc(at));
        try (PreparedStatement s = FLEET_MOMENTS.prepare(c, window); ResultSet m = s.executeQuery()) {
            while (m.next()) {
                String id = m.getString("id");
                switch (m.getInt("kind")) {
                    case 1 -> {
                        Instant receivedAt = instant(m, "at");
                        fleet.placed(id, m.getDouble("lat"), m.getDouble("lon"), receivedAt, speeds.forOrder(receivedAt,
                                RequestFeatures.hourOfDay(instant(m, "event_at")), m.getString("weather")));
                    }
                    case 2 -> fleet.shiftStarted(id, m.getString("courier_id"), m.getString("vehicle"),
                            instant(m, "event_at"), m.getObject("lat", Double.class), m.getObject("lon", Double.class));
                    case 3 -> fleet.shiftEnded(id, m.getString("courier_id"), instant(m, "event_at"));
                    default -> fleet.assigned(id, m.getString("order_id"), m.getString("courier_id"),
                            m.getString("vehicle"), instant(m, "event_at"), instant(m, "free_at"),
                            m.getObject("lat", Double.class), m.getObject("lon", Double.class));
                }
            }
        }
        return new Fleet(at, fleet, speeds);
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
