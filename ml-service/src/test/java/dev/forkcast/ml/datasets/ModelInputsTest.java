package dev.forkcast.ml.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Feature;

class ModelInputsTest {

    private static final FeatureTable DELIVERY = FeatureCatalogue.DELIVERY_TIME;

    @Test
    void numbersStayThemselvesBooleansBecomeOneOrZeroAndWeatherBecomesOneHot() {
        Object[] rainyTuesdayLunch = {12, 2, false, "rain", 3, 2450L, 1.8, 15, 4, 16.5, 2, 40, 25, 1.6,
            6.5, 2.0, 0.8, "ebike", 30, 12, 7.3, 1.5, 9.1};

        List<Feature> inputs = ModelInputs.of(DELIVERY, rainyTuesdayLunch);

        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("hour_of_day", 12.0);
        expected.put("day_of_week", 2.0);
        expected.put("is_weekend", 0.0);
        expected.put("weather=rain", 1.0);
        expected.put("item_count", 3.0);
        expected.put("basket_value_cents", 2450.0);
        expected.put("distance_km", 1.8);
        expected.put("restaurant_quoted_prep_minutes", 15.0);
        expected.put("restaurant_kitchen_capacity", 4.0);
        expected.put("restaurant_prep_minutes_avg_7d", 16.5);
        expected.put("restaurant_orders_last_30m", 2.0);
        expected.put("fleet_orders_last_30m", 40.0);
        expected.put("couriers_on_shift", 25.0);
        expected.put("fleet_load_30m", 1.6);
        expected.put("courier_soonest_arrival_minutes", 6.5);
        expected.put("courier_soonest_wait_minutes", 2.0);
        expected.put("courier_soonest_km", 0.8);
        expected.put("courier_soonest_vehicle=ebike", 1.0);
        expected.put("couriers_available", 30.0);
        expected.put("couriers_idle", 12.0);
        expected.put("courier_ride_minutes_estimate", 7.3);
        expected.put("courier_other_vehicle_gap_minutes", 1.5);
        expected.put("courier_other_vehicle_ride_minutes_estimate", 9.1);
        assertEquals(expected, asMap(inputs));
    }

    @Test
    void aSaturdayIsOne() {
        Object[] saturday = {20, 6, true, "clear", 1, 900L, 0.5, 10, 3, 12.0, 0, 10, 30, 0.33,
            6.5, 2.0, 0.8, "ebike", 30, 12, 7.3, 1.5, 9.1};

        List<Feature> inputs = ModelInputs.of(DELIVERY, saturday);

        assertEquals(1.0, asMap(inputs).get("is_weekend"));
    }

    @Test
    void anUnknownValueBecomesItsMissingIndicatorAndNoValue() {
        Object[] newRestaurantNobodyOnShift = {3, 1, false, "clear", 1, 900L, 0.5, 10, 3, null, 0, 0, 0, null,
            null, null, null, null, 0, 0, null, null, null};

        Map<String, Double> inputs = asMap(ModelInputs.of(DELIVERY, newRestaurantNobodyOnShift));

        assertEquals(1.0, inputs.get("restaurant_prep_minutes_avg_7d.missing"));
        assertEquals(1.0, inputs.get("fleet_load_30m.missing"));
        assertEquals(1.0, inputs.get("courier_soonest_vehicle.missing"));
        assertFalse(inputs.containsKey("restaurant_prep_minutes_avg_7d"));
        assertFalse(inputs.containsKey("fleet_load_30m"));
    }

    @Test
    void anUnknownWeatherIsMissingNotACategory() {
        Object[] noWeather = {12, 2, false, null, 3, 2450L, 1.8, 15, 4, 16.5, 2, 40, 25, 1.6,
            6.5, 2.0, 0.8, "ebike", 30, 12, 7.3, 1.5, 9.1};

        Map<String, Double> inputs = asMap(ModelInputs.of(DELIVERY, noWeather));

        assertEquals(1.0, inputs.get("weather.missing"));
        assertEquals(23, inputs.size());
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefused() {
        Object[] oneShort = {12, 2, false, "rain", 3, 2450L, 1.8, 15, 4, 16.5, 2, 40, 25, 1.6,
            6.5, 2.0, 0.8, "ebike", 30, 12, 7.3, 1.5};

        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> ModelInputs.of(DELIVERY, oneShort));

        assertEquals("features.delivery_time has 23 features, the row has 22 values", refusal.getMessage());
    }

    @Test
    void textWhereANumberBelongsIsRefusedNamingTheFeature() {
        Object[] distanceAsText = {12, 2, false, "rain", 3, 2450L, "1.8", 15, 4, 16.5, 2, 40, 25, 1.6,
            6.5, 2.0, 0.8, "ebike", 30, 12, 7.3, 1.5, 9.1};

        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> ModelInputs.of(DELIVERY, distanceAsText));

        assertEquals("distance_km must be a number, was String", refusal.getMessage());
    }

    @Test
    void aNumberWhereABooleanBelongsIsRefusedNamingTheFeature() {
        Object[] weekendAsNumber = {12, 2, 0, "rain", 3, 2450L, 1.8, 15, 4, 16.5, 2, 40, 25, 1.6,
            6.5, 2.0, 0.8, "ebike", 30, 12, 7.3, 1.5, 9.1};

        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> ModelInputs.of(DELIVERY, weekendAsNumber));

        assertEquals("is_weekend must be true or false, was Integer", refusal.getMessage());
    }

    private static Map<String, Double> asMap(List<Feature> features) {
        Map<String, Double> out = new LinkedHashMap<>();
        features.forEach(f -> out.put(f.getName(), f.getValue()));
        return out;
    }
}
