package dev.forkcast.pipeline.features;

import dev.forkcast.pipeline.TestSpark;
import java.sql.Timestamp;
import dev.forkcast.warehouse.features.RideSpeeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A tiny platform history for feature tests: restaurants, customers, orders with their events, shifts.
 * Each piece becomes rows shaped like the warehouse table it stands for (only the columns the features
 * read). An order's events arrive when they happen unless a test says otherwise.
 */
final class History {

    /** The moment most tests ask about: a Wednesday at noon. */
    static final Instant NOON = Instant.parse("2026-03-04T12:00:00Z");

    static final StructType FCT_ORDERS = new StructType()
            .add("order_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("restaurant_id", DataTypes.StringType)
            .add("placed_at", DataTypes.TimestampType)
            .add("accepted_at", DataTypes.TimestampType)
            .add("picked_up_at", DataTypes.TimestampType)
            .add("delivery_minutes", DataTypes.DoubleType)
            .add("basket_value_cents", DataTypes.LongType)
            .add("item_count", DataTypes.IntegerType)
            .add("weather", DataTypes.StringType)
            .add("has_promo", DataTypes.BooleanType)
            .add("is_chargeback", DataTypes.BooleanType);
    static final StructType ORDER_EVENTS = new StructType()
            .add("event_id", DataTypes.StringType)
            .add("order_id", DataTypes.StringType)
            .add("event_type", DataTypes.StringType)
            .add("event_at", DataTypes.TimestampType)
            .add("received_at", DataTypes.TimestampType)
            .add("device_id", DataTypes.StringType)
            .add("delivery_lat_approx", DataTypes.DoubleType)
            .add("delivery_lon_approx", DataTypes.DoubleType)
            .add("courier_id", DataTypes.StringType)
            .add("vehicle", DataTypes.StringType)
            .add("expected_dropoff_at", DataTypes.TimestampType)
            .add("dropoff_lat_approx", DataTypes.DoubleType)
            .add("dropoff_lon_approx", DataTypes.DoubleType);
    static final StructType PAYMENT_EVENTS = new StructType()
            .add("event_id", DataTypes.StringType)
            .add("order_id", DataTypes.StringType)
            .add("event_type", DataTypes.StringType)
            .add("event_at", DataTypes.TimestampType)
            .add("received_at", DataTypes.TimestampType)
            .add("card_country", DataTypes.StringType);
    static final StructType COURIER_SHIFTS = new StructType()
            .add("event_id", DataTypes.StringType)
            .add("courier_id", DataTypes.StringType)
            .add("event_type", DataTypes.StringType)
            .add("event_at", DataTypes.TimestampType)
            .add("received_at", DataTypes.TimestampType)
            .add("lat_approx", DataTypes.DoubleType)
            .add("lon_approx", DataTypes.DoubleType);
    static final StructType COURIERS = new StructType()
            .add("courier_id", DataTypes.StringType)
            .add("vehicle", DataTypes.StringType);
    static final StructType CUSTOMERS = new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("signed_up_at", DataTypes.TimestampType)
            .add("device_id", DataTypes.StringType)
            .add("home_lat_approx", DataTypes.DoubleType)
            .add("home_lon_approx", DataTypes.DoubleType);
    static final StructType DIM_RESTAURANTS = new StructType()
            .add("restaurant_id", DataTypes.StringType)
            .add("lat", DataTypes.DoubleType)
            .add("lon", DataTypes.DoubleType)
            .add("kitchen_capacity", DataTypes.IntegerType)
            .add("quoted_prep_minutes", DataTypes.IntegerType);

    private final List<Row> restaurants = new ArrayList<>();
    private final List<Row> customers = new ArrayList<>();
    private final List<Row> shifts = new ArrayList<>();
    private final List<Row> couriers = new ArrayList<>();
    private final List<Row> jobs = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private RideSpeeds speeds = RideSpeeds.typicalOnly();

    static Instant minutesBefore(Instant t, long minutes) {
        return t.minus(Duration.ofMinutes(minutes));
    }

    static Instant daysBefore(Instant t, long days) {
        return t.minus(Duration.ofDays(days));
    }

    History restaurant(String id, double lat, double lon, int quotedPrepMinutes, int kitchenCapacity) {
        restaurants.add(RowFactory.create(id, lat, lon, kitchenCapacity, quotedPrepMinutes));
        return this;
    }

    History customer(String id, Instant signedUpAt, String deviceId, Double homeLat, Double homeLon) {
        customers.add(RowFactory.create(id, ts(signedUpAt), deviceId, homeLat, homeLon));
        return this;
    }

    History shiftStarted(String courierId, Instant receivedAt) {
        return shift(courierId, "courier_shift_started", receivedAt);
    }

    /** A courier riding {@code vehicle} logs in at (lat, lon), the event received at once. */
    History loggedIn(String courierId, String vehicle, Instant at, double lat, double lon) {
        couriers.add(RowFactory.create(courierId, vehicle));
        shifts.add(RowFactory.create("s" + shifts.size(), courierId, "courier_shift_started", ts(at), ts(at), lat, lon));
        return this;
    }

    /**
     * Dispatch gives some other job to a courier at {@code at} (received then): free at {@code freeAt} at
     * (lat, lon).
     */
    History assigned(String courierId, String vehicle, Instant at, Instant freeAt, double lat, double lon) {
        String job = "job" + jobs.size();
        jobs.add(RowFactory.create(job + "-assigned", job, "courier_assigned", ts(at), ts(at), null, null, null,
                courierId, vehicle, ts(freeAt), lat, lon));
        return this;
    }

    History shiftEnded(String courierId, Instant receivedAt) {
        return shift(courierId, "courier_shift_ended", receivedAt);
    }

    /** An order placed at {@code placedAt}, its order_placed event received at the same instant. */
    Order order(String orderId, String restaurantId, String customerId, Instant placedAt) {
        Order order = new Order(orderId, restaurantId, customerId, placedAt);
        orders.add(order);
        return order;
    }

    Dataset<Row> fctOrders() {
        return frame(orders.stream().map(Order::fct).toList(), FCT_ORDERS);
    }

    Dataset<Row> orderEvents() {
        List<Row> events = new ArrayList<>(jobs);
        orders.forEach(o -> events.addAll(o.orderEvents()));
        return frame(events, ORDER_EVENTS);
    }

    Dataset<Row> paymentEvents() {
        return frame(orders.stream().flatMap(o -> o.payments.stream()).toList(), PAYMENT_EVENTS);
    }

    Dataset<Row> courierShifts() {
        return frame(shifts, COURIER_SHIFTS);
    }

    Dataset<Row> couriers() {
        return frame(couriers, COURIERS);
    }

    Dataset<Row> customers() {
        return frame(customers, CUSTOMERS);
    }

    Dataset<Row> dimRestaurants() {
        return frame(restaurants, DIM_RESTAURANTS);
    }

    /** The ride speeds the fleet replay times couriers with (default: the typical speed of each vehicle). */
    History rideSpeeds(RideSpeeds learned) {
        speeds = learned;
        return this;
    }

    /** features.delivery_time of this history, by order_id. */
    Map<String, Row> deliveryTime() {
        return byOrder(DeliveryTimeFeatures.build(fctOrders(), orderEvents(), dimRestaurants(), courierShifts(),
                couriers(), speeds));
    }

    /** features.fraud of this history, by order_id. */
    Map<String, Row> fraud() {
        return byOrder(FraudFeatures.build(fctOrders(), orderEvents(), paymentEvents(), customers()));
    }

    private History shift(String courierId, String type, Instant receivedAt) {
        shifts.add(RowFactory.create("s" + shifts.size(), courierId, type, ts(receivedAt), ts(receivedAt), null, null));
        return this;
    }

    private static Map<String, Row> byOrder(Dataset<Row> features) {
        return features.collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("order_id"), Function.identity()));
    }

    private static Dataset<Row> frame(List<Row> rows, StructType schema) {
        return TestSpark.session().createDataFrame(rows, schema);
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** One order: its fact row and its events, told fluently. */
    static final class Order {

        private final String id;
        private final String restaurantId;
        private final String customerId;
        private final Instant placedAt;
        private Instant placedReceivedAt;
        private Instant acceptedAt;
        private Instant pickedUpAt;
        private Instant pickupReceivedAt;
        private Double deliveryMinutes;
        private Long basketCents = 2_000L;
        private String deviceId;
        private Double deliveryLat;
        private Double deliveryLon;
        private boolean promo;
        private boolean chargeback;
        private final List<Row> payments = new ArrayList<>();

        private Order(String id, String restaurantId, String customerId, Instant placedAt) {
            this.id = id;
            this.restaurantId = restaurantId;
            this.customerId = customerId;
            this.placedAt = placedAt;
            this.placedReceivedAt = placedAt;
        }

        /** The order_placed event reached the platform at {@code at} (late, or early from a fast clock). */
        Order placedEventReceivedAt(Instant at) {
            placedReceivedAt = at;
            return this;
        }

        Order basket(Long cents) {
            basketCents = cents;
            return this;
        }

        /** Accepted {@code prepMinutes} before pickup; both events received when the pickup is. */
        Order pickedUp(Instant at, long prepMinutes, Instant receivedAt) {
            acceptedAt = minutesBefore(at, prepMinutes);
            pickedUpAt = at;
            pickupReceivedAt = receivedAt;
            return this;
        }

        Order delivered(double minutesAfterPlacement) {
            deliveryMinutes = minutesAfterPlacement;
            return this;
        }

        Order from(String device, Double lat, Double lon) {
            deviceId = device;
            deliveryLat = lat;
            deliveryLon = lon;
            return this;
        }

        Order promo() {
            promo = true;
            return this;
        }

        Order paidWithCardFrom(String country) {
            return payment("payment_authorized", placedAt, placedAt, country);
        }

        Order refundRequested(Instant at, Instant receivedAt) {
            return payment("refund_requested", at, receivedAt, null);
        }

        Order chargebackReceived(Instant receivedAt) {
            chargeback = true;
            return payment("chargeback_received", receivedAt, receivedAt, null);
        }

        private Order payment(String type, Instant at, Instant receivedAt, String country) {
            payments.add(RowFactory.create(id + "-p" + payments.size(), id, type, ts(at), ts(receivedAt), country));
            return this;
        }

        private Row fct() {
            return RowFactory.create(id, customerId, restaurantId, ts(placedAt), ts(acceptedAt), ts(pickedUpAt),
                    deliveryMinutes, basketCents, 3, "rain", promo, chargeback);
        }

        private List<Row> orderEvents() {
            List<Row> events = new ArrayList<>();
            events.add(RowFactory.create(id + "-placed", id, "order_placed", ts(placedAt), ts(placedReceivedAt),
                    deviceId, deliveryLat, deliveryLon, null, null, null, null, null));
            if (pickedUpAt != null) {
                events.add(RowFactory.create(id + "-accepted", id, "order_accepted", ts(acceptedAt),
                        ts(pickupReceivedAt), null, null, null, null, null, null, null, null));
                events.add(RowFactory.create(id + "-picked", id, "order_picked_up", ts(pickedUpAt),
                        ts(pickupReceivedAt), null, null, null, null, null, null, null, null));
            }
            return events;
        }
    }
}
