package dev.forkcast.api.predictions;

import dev.forkcast.api.errors.ApiException;
import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * The rules of {@link DeliveryTimeRequest}'s annotations, checked by plain code on the single-order route, the
 * benchmark's hot path: Micronaut's validator walks the record's introspection and builds a constraint context per
 * value, ~18% of a request thread's time in a JFR profile; these ifs cost next to nothing. The answer is the one the
 * validator gives through {@code ConstraintViolationResponses}: the same reasons, word for word, and when several
 * fields are wrong, the first by name (so the checks below run in field-name order). The annotations stay on the
 * record: the batch route still validates with them, and the OpenAPI document is generated from them;
 * {@code DeliveryTimeRulesTest} checks that the two agree.
 */
final class DeliveryTimeRules {

    /** What {@code @Pattern(regexp = "clear|rain|storm")} accepts: the whole value is one of these. */
    private static final Set<String> WEATHER = Set.of("clear", "rain", "storm");

    private DeliveryTimeRules() {
    }

    /** The field at fault and why, as the error body names them. */
    record Broken(String field, String reason) {
    }

    /** @throws ApiException 400 naming the first broken field (by name), as the validator would answer */
    static void require(DeliveryTimeRequest order) {
        Broken broken = firstBroken(order);
        if (broken != null) {
            throw ApiException.badRequest(broken.field(), broken.reason());
        }
    }

    /** The first field (by name) that breaks its rule, or null when the order is well formed. */
    static @Nullable Broken firstBroken(DeliveryTimeRequest order) {
        Broken broken = atLeast("basketValueCents", order.basketValueCents(), 0);
        if (broken == null) {
            broken = between("deliveryLat", order.deliveryLat(), 90);
        }
        if (broken == null) {
            broken = between("deliveryLon", order.deliveryLon(), 180);
        }
        if (broken == null) {
            broken = between("itemCount", order.itemCount(), 1, 100);
        }
        if (broken == null) {
            broken = restaurantId(order.restaurantId());
        }
        if (broken == null && order.weather() != null && !WEATHER.contains(order.weather())) {
            broken = new Broken("weather", "must be clear, rain or storm");
        }
        return broken;
    }

    /** {@code @NotNull @PositiveOrZero}. */
    private static @Nullable Broken atLeast(String field, @Nullable Long value, long min) {
        if (value == null) {
            return new Broken(field, "must not be null");
        }
        return value < min ? new Broken(field, "must be greater than or equal to " + min) : null;
    }

    /** {@code @NotNull @DecimalMin("-limit") @DecimalMax("limit")}; NaN (which JSON cannot carry) is refused too. */
    private static @Nullable Broken between(String field, @Nullable Double value, int limit) {
        if (value == null) {
            return new Broken(field, "must not be null");
        }
        if (!(value >= -limit)) {
            return new Broken(field, "must be greater than or equal to " + -limit);
        }
        return value > limit ? new Broken(field, "must be less than or equal to " + limit) : null;
    }

    /** {@code @NotNull @Min(min) @Max(max)}. */
    private static @Nullable Broken between(String field, @Nullable Integer value, int min, int max) {
        if (value == null) {
            return new Broken(field, "must not be null");
        }
        if (value < min) {
            return new Broken(field, "must be greater than or equal to " + min);
        }
        return value > max ? new Broken(field, "must be less than or equal to " + max) : null;
    }

    /**
     * {@code @NotBlank @Size(max = 100)}. Blank is checked first: a long blank value breaks both, and the validator's
     * answer is then the first reason in alphabetical order, "must not be blank".
     */
    private static @Nullable Broken restaurantId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return new Broken("restaurantId", "must not be blank");
        }
        return value.length() > 100 ? new Broken("restaurantId", "size must be between 0 and 100") : null;
    }
}
