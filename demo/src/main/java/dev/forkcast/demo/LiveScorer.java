package dev.forkcast.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkcast.ingestion.broker.ForkcastTopics;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The ML engineer's model at work on the live city: each round reads the orders placed since the last round
 * ({@code order_placed} rows of {@code raw.events} past a Kafka-offset watermark per partition, the same idea as
 * the ETL's) and asks the API for their delivery times in one batch, as the ordering app would when it shows an
 * estimate. The API logs every answer to {@code ml.prediction_log}, the input of drift and live accuracy.
 *
 * <p>Each order is asked about as of when the platform received it (its Kafka timestamp), which is when the app
 * would ask. Duplicates the producer's retries landed are asked about once.
 */
public final class LiveScorer {

    /** The batch route's limit. */
    static final int MAX_BATCH = 1000;
    private static final String ORDERS_TOPIC = "forkcast.orders";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource warehouse;
    private final ApiClient api;
    private final Map<Integer, Long> lastOffsets = new HashMap<>();
    /** Order ids asked about recently, bounded: enough to catch the retries' duplicates, which come close together. */
    private final Set<String> recent = new LinkedHashSet<>();

    public LiveScorer(DataSource warehouse, ApiClient api) {
        this.warehouse = warehouse;
        this.api = api;
    }

    /** One round's outcome. {@code error} is null when the API answered 200. */
    public record Round(int asked, int skipped, double meanMinutes, Integer modelVersion, String error) {
    }

    /** From now on, only orders landed after this moment are new: the history was the trainer's, not the scorer's. */
    public void skipWhatIsLandedAlready() throws SQLException {
        try (Connection c = warehouse.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT kafka_partition, max(kafka_offset) FROM raw.events WHERE topic = '"
                     + ORDERS_TOPIC + "' GROUP BY kafka_partition")) {
            while (rs.next()) {
                lastOffsets.put(rs.getInt(1), rs.getLong(2));
            }
        }
    }

    /** Asks the API about every order placed since the last round (up to {@value #MAX_BATCH}). */
    public Round scoreNewOrders() throws SQLException, IOException, InterruptedException {
        ArrayNode orders = JSON.createArrayNode();
        int skipped = 0;
        try (Connection c = warehouse.getConnection(); PreparedStatement select = c.prepareStatement("""
                SELECT kafka_partition, kafka_offset, body::text,
                       to_char(kafka_timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                FROM raw.events
                WHERE topic = ? AND kafka_offset > ? AND kafka_partition = ? AND event_type = 'order_placed'
                ORDER BY kafka_offset LIMIT ?""")) {
            for (int partition = 0; partition < ForkcastTopics.EVENT_PARTITIONS; partition++) {
                select.setString(1, ORDERS_TOPIC);
                select.setLong(2, lastOffsets.getOrDefault(partition, -1L));
                select.setInt(3, partition);
                select.setInt(4, MAX_BATCH - orders.size());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        lastOffsets.put(partition, rs.getLong(2));
                        ObjectNode request = deliveryRequest(JSON.readTree(rs.getString(3)), rs.getString(4));
                        if (request == null) {
                            skipped++;
                        } else {
                            orders.add(request);
                        }
                    }
                }
            }
        }
        if (orders.isEmpty()) {
            return new Round(0, skipped, Double.NaN, null, null);
        }
        ObjectNode batch = JSON.createObjectNode();
        batch.set("orders", orders);
        ApiClient.Answer answer = api.postJson("/api/v1/predictions/delivery-time/batch", batch.toString());
        if (answer.status() != 200 || answer.body() == null) {
            return new Round(orders.size(), skipped, Double.NaN, null, "HTTP " + answer.status() + ": " + answer.text());
        }
        double sum = 0;
        Integer version = null;
        for (JsonNode prediction : answer.body().path("predictions")) {
            sum += prediction.path("minutes").asDouble();
            version = prediction.path("modelVersion").asInt();
        }
        return new Round(orders.size(), skipped, sum / orders.size(), version, null);
    }

    /**
     * The delivery-time request for a landed {@code order_placed} body, or null for one the route would refuse or
     * that was asked about already: a retried duplicate, more than 100 items.
     */
    ObjectNode deliveryRequest(JsonNode body, String receivedAt) {
        String orderId = body.path("order_id").asText();
        if (!remember(orderId)) {
            return null;
        }
        JsonNode payload = body.path("payload");
        int items = 0;
        for (JsonNode item : payload.path("items")) {
            items += item.path("quantity").asInt();
        }
        if (items < 1 || items > 100) {
            return null;
        }
        ObjectNode request = JSON.createObjectNode();
        request.put("restaurantId", body.path("restaurant_id").asText());
        request.put("deliveryLat", payload.path("delivery_lat").asDouble());
        request.put("deliveryLon", payload.path("delivery_lon").asDouble());
        request.put("itemCount", items);
        request.put("basketValueCents", payload.path("basket_value_cents").asLong());
        String weather = payload.path("weather").asText(null);
        if (weather != null && Set.of("clear", "rain", "storm").contains(weather)) {
            request.put("weather", weather);
        }
        request.put("placedAt", receivedAt);
        return request;
    }

    private boolean remember(String orderId) {
        if (!recent.add(orderId)) {
            return false;
        }
        if (recent.size() > 10_000) {
            recent.remove(recent.iterator().next());
        }
        return true;
    }
}
