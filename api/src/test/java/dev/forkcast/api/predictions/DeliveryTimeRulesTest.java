package dev.forkcast.api.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forkcast.api.errors.Reasons;
import io.micronaut.context.ApplicationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryTimeRulesTest {

    private static final DeliveryTimeRequest UTRECHT_DINNER =
            new DeliveryTimeRequest("rest_0001", 52.0907, 5.1214, 3, 2450L, "rain", null);

    @Test
    void aWellFormedOrderBreaksNothing() {
        assertNull(DeliveryTimeRules.firstBroken(UTRECHT_DINNER));
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        DeliveryTimeRequest edges = new DeliveryTimeRequest("r".repeat(100), -90.0, 180.0, 100, 0L, null, null);

        assertNull(DeliveryTimeRules.firstBroken(edges));
    }

    @Test
    void anEmptyBodyNamesTheFirstFieldByName() {
        DeliveryTimeRequest empty = new DeliveryTimeRequest(null, null, null, null, null, null, null);

        assertEquals(broken("basketValueCents", "must not be null"), DeliveryTimeRules.firstBroken(empty));
    }

    @Test
    void aBlankRestaurantIsNotARestaurant() {
        assertEquals(broken("restaurantId", "must not be blank"), DeliveryTimeRules.firstBroken(withRestaurant(" \t")));
    }

    @Test
    void aLongBlankRestaurantIsReportedAsBlank() {
        assertEquals(broken("restaurantId", "must not be blank"), DeliveryTimeRules.firstBroken(withRestaurant(" ".repeat(101))));
    }

    @Test
    void aRestaurantIdOverAHundredCharactersIsTooLong() {
        assertEquals(broken("restaurantId", "size must be between 0 and 100"),
                DeliveryTimeRules.firstBroken(withRestaurant("r".repeat(101))));
    }

    @Test
    void aLatitudeOffTheGlobeNamesItsBound() {
        assertEquals(broken("deliveryLat", "must be less than or equal to 90"),
                DeliveryTimeRules.firstBroken(withPoint(90.000001, 5.0)));
        assertEquals(broken("deliveryLat", "must be greater than or equal to -90"),
                DeliveryTimeRules.firstBroken(withPoint(-123.0, 5.0)));
    }

    @Test
    void aLongitudeOffTheGlobeNamesItsBound() {
        assertEquals(broken("deliveryLon", "must be greater than or equal to -180"),
                DeliveryTimeRules.firstBroken(withPoint(52.0, -180.5)));
    }

    @Test
    void anEmptyBasketNamesItemCount() {
        assertEquals(broken("itemCount", "must be greater than or equal to 1"),
                DeliveryTimeRules.firstBroken(withItems(0, 2450L)));
    }

    @Test
    void aNegativeBasketValueNamesIt() {
        assertEquals(broken("basketValueCents", "must be greater than or equal to 0"),
                DeliveryTimeRules.firstBroken(withItems(3, -1L)));
    }

    @Test
    void weatherIsOneOfThreeWordsExactly() {
        assertEquals(broken("weather", "must be clear, rain or storm"), DeliveryTimeRules.firstBroken(withWeather("Rain")));
        assertEquals(broken("weather", "must be clear, rain or storm"), DeliveryTimeRules.firstBroken(withWeather("rain ")));
        assertNull(DeliveryTimeRules.firstBroken(withWeather("storm")));
    }

    @Test
    void severalBrokenFieldsAreAnsweredWithTheFirstByName() {
        DeliveryTimeRequest order = new DeliveryTimeRequest("", 91.0, 5.0, 0, 2450L, "snow", null);

        assertEquals(broken("deliveryLat", "must be less than or equal to 90"), DeliveryTimeRules.firstBroken(order));
    }

    /** The annotations on DeliveryTimeRequest stay the rule's source (the batch route and OpenAPI use them). */
    @Test
    void theChecksGiveTheAnswerTheAnnotationValidatorGives() {
        List<DeliveryTimeRequest> orders = List.of(UTRECHT_DINNER,
                new DeliveryTimeRequest(null, null, null, null, null, null, null),
                withRestaurant(null), withRestaurant(""), withRestaurant(" \t"), withRestaurant(" ".repeat(101)),
                withRestaurant("r".repeat(100)), withRestaurant("r".repeat(101)),
                withPoint(90.0, 180.0), withPoint(-90.0, -180.0), withPoint(90.0000001, 5.0), withPoint(-90.5, 5.0),
                withPoint(52.0, 180.0000001), withPoint(52.0, -181.0), withPoint(null, 5.0), withPoint(52.0, null),
                withPoint(123.0, 200.0), withItems(0, 2450L), withItems(1, 0L), withItems(100, 1L), withItems(101, 1L),
                withItems(null, 1L), withItems(3, -1L), withItems(3, null), withItems(0, -5L),
                withWeather("clear"), withWeather("rain"), withWeather("storm"), withWeather("snow"), withWeather(""),
                withWeather("Rain"), withWeather("rain|storm"),
                new DeliveryTimeRequest("", 91.0, 5.0, 0, 2450L, "snow", null),
                new DeliveryTimeRequest("r".repeat(101), 52.0, 5.0, 3, 2450L, "snow", null),
                new DeliveryTimeRequest("   ", 52.0, 5.0, 200, 2450L, "hail", "not an instant"));

        try (ApplicationContext context = ApplicationContext.run()) {
            Validator validator = context.getBean(Validator.class);
            for (DeliveryTimeRequest order : orders) {
                assertEquals(validatorsAnswer(validator, order), DeliveryTimeRules.firstBroken(order), order.toString());
            }
        }
    }

    /** What ConstraintViolationResponses answers: the first violation by field, then by reason. */
    private static DeliveryTimeRules.Broken validatorsAnswer(Validator validator, DeliveryTimeRequest order) {
        return validator.validate(order).stream()
                .map(v -> broken(Reasons.field(v.getPropertyPath().toString()), v.getMessage()))
                .min(Comparator.comparing(DeliveryTimeRules.Broken::field).thenComparing(DeliveryTimeRules.Broken::reason))
                .orElse(null);
    }

    private static DeliveryTimeRules.Broken broken(String field, String reason) {
        return new DeliveryTimeRules.Broken(field, reason);
    }

    private static DeliveryTimeRequest withRestaurant(String restaurantId) {
        return new DeliveryTimeRequest(restaurantId, 52.0907, 5.1214, 3, 2450L, "rain", null);
    }

    private static DeliveryTimeRequest withPoint(Double lat, Double lon) {
        return new DeliveryTimeRequest("rest_0001", lat, lon, 3, 2450L, "rain", null);
    }

    private static DeliveryTimeRequest withItems(Integer itemCount, Long basketValueCents) {
        return new DeliveryTimeRequest("rest_0001", 52.0907, 5.1214, itemCount, basketValueCents, "rain", null);
    }

    private static DeliveryTimeRequest withWeather(String weather) {
        return new DeliveryTimeRequest("rest_0001", 52.0907, 5.1214, 3, 2450L, weather, null);
    }
}
