package dev.forkcast.api.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatJsonTest {

    @Test
    void aLogRowsValuesReadBackAsTheFrameworksOwnJsonOfThemInTheirOrder() throws IOException {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("hour_of_day", 18);
        features.put("is_weekend", true);
        features.put("weather", null);
        features.put("distance_km", 2.3456789012345);
        features.put("tiny", 1.0E-7);
        features.put("basket_value_cents", 2450L);
        features.put("courier_soonest_vehicle", "e-bike \"fast\" \\ line\nnext\u0001");

        JsonMapper mapper = JsonMapper.createDefault();

        String json = FlatJson.append(new StringBuilder(), features).toString();

        Map<?, ?> read = mapper.readValue(json, Map.class);
        assertEquals(mapper.readValue(mapper.writeValueAsString(features), Map.class), read);
        assertEquals(List.copyOf(features.keySet()), List.copyOf(read.keySet()));
    }

    @Test
    void aNumberJsonCannotHoldIsWrittenAsNull() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nan", Double.NaN);
        values.put("inf", Double.POSITIVE_INFINITY);

        assertEquals("{\"nan\":null,\"inf\":null}", FlatJson.append(new StringBuilder(), values).toString());
    }

    @Test
    void aNestedValueIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FlatJson.append(new StringBuilder(), Map.of("reasons", List.of("a"))));
    }
}
