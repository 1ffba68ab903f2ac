package dev.forkcast.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LiveScorerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LiveScorer scorer = new LiveScorer(null, null);

    private static JsonNode placed(String orderId, String items, String weather) throws Exception {
        return JSON.readTree("""
                {"event_id":"e1","event_type":"order_placed","schema_version":1,"event_time":"2026-03-22T18:30:05Z",
                 "order_id":"%s","customer_id":"cust_000042","restaurant_id":"rest_0007",
                 "payload":{"items":[%s],"basket_value_cents":2450,"delivery_lat":52.09071,"delivery_lon":5.12139,
                            "delivery_address":"x","device_id":"dev_1"%s}}"""
                .formatted(orderId, items, weather == null ? "" : ",\"weather\":\"" + weather + "\""));
    }

    @Test
    void landedOrderBecomesTheRouteRequestAsOfItsArrival() throws Exception {
        JsonNode body = placed("o1", "{\"item_id\":\"a\",\"quantity\":2,\"unit_price_cents\":500},"
                + "{\"item_id\":\"b\",\"quantity\":1,\"unit_price_cents\":1450}", "rain");

        String request = scorer.deliveryRequest(body, "2026-03-22T18:30:07Z").toString();

        assertEquals("{\"restaurantId\":\"rest_0007\",\"deliveryLat\":52.09071,\"deliveryLon\":5.12139,\"itemCount\":3,"
                + "\"basketValueCents\":2450,\"weather\":\"rain\",\"placedAt\":\"2026-03-22T18:30:07Z\"}", request);
    }

    @Test
    void orderWithoutWeatherIsAskedAboutWithoutIt() throws Exception {
        JsonNode body = placed("o2", "{\"item_id\":\"a\",\"quantity\":1,\"unit_price_cents\":500}", null);

        assertEquals(false, scorer.deliveryRequest(body, "2026-03-22T18:30:07Z").has("weather"));
    }

    @Test
    void retriedDuplicateIsAskedAboutOnce() throws Exception {
        JsonNode body = placed("o3", "{\"item_id\":\"a\",\"quantity\":1,\"unit_price_cents\":500}", "clear");

        scorer.deliveryRequest(body, "2026-03-22T18:30:07Z");

        assertNull(scorer.deliveryRequest(body, "2026-03-22T18:30:09Z"));
    }

    @Test
    void moreItemsThanTheRouteAcceptsIsSkipped() throws Exception {
        JsonNode body = placed("o4", "{\"item_id\":\"a\",\"quantity\":60,\"unit_price_cents\":5},"
                + "{\"item_id\":\"b\",\"quantity\":41,\"unit_price_cents\":5}", "clear");

        assertNull(scorer.deliveryRequest(body, "2026-03-22T18:30:07Z"));
    }
}
