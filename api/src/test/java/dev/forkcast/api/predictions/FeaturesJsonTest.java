package dev.forkcast.api.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeaturesJsonTest {

    @Test
    void theFeaturesAreTheBytesTheFrameworksMapSerializerWrites() throws IOException {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("hour_of_day", 18);
        features.put("is_weekend", true);
        features.put("weather", "rain \"heavy\"\n");
        features.put("basket_value_cents", 2450L);
        features.put("distance_km", 1.2345678901234567);
        features.put("fleet_load_30m", 1.0E-7);
        features.put("restaurant_prep_minutes_avg_7d", 12.0);
        features.put("courier_soonest_km", null);
        features.put("a_type_not_listed", new BigDecimal("3.10"));

        try (ApplicationContext context = ApplicationContext.run()) {
            ObjectMapper json = context.getBean(ObjectMapper.class);
            String answer = json.writeValueAsString(new DeliveryTimeAnswer(31.7, 26.1, 38.4, 3, features));

            assertEquals("{\"minutes\":31.7,\"low\":26.1,\"high\":38.4,\"modelVersion\":3,\"features\":"
                    + json.writeValueAsString(features) + "}", answer);
        }
    }
}
