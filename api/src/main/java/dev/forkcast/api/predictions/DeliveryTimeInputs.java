package dev.forkcast.api.predictions;

import dev.forkcast.warehouse.features.DeliveryTimeHistory;
import dev.forkcast.warehouse.features.FeatureCatalogue;
import dev.forkcast.warehouse.features.RequestFeatures;
import java.time.Instant;

/**
 * A request and its restaurant's history as the model's inputs, in {@link FeatureCatalogue#DELIVERY_TIME}
 * order: the same functions the ETL uses for the training table, so serving cannot drift from training.
 */
final class DeliveryTimeInputs {

    private DeliveryTimeInputs() {
    }

    static Object[] values(DeliveryTimeRequest order, Instant placedAt, DeliveryTimeHistory history) {
        // Staging keeps delivery points rounded to 3 places (~100 m); the trainer's distances came from those.
        Double lat = RequestFeatures.approxCoordinate(order.deliveryLat());
        Double lon = RequestFeatures.approxCoordinate(order.deliveryLon());
        Double distanceKm = history.distanceKm(lat, lon);
        Object[] values = {
                RequestFeatures.hourOfDay(placedAt),
                RequestFeatures.dayOfWeek(placedAt),
                RequestFeatures.isWeekend(placedAt),
                order.weather(),
                order.itemCount(),
                order.basketValueCents(),
                distanceKm,
                history.restaurantQuotedPrepMinutes(),
                history.restaurantKitchenCapacity(),
                history.restaurantPrepMinutesAvg7d(),
                history.restaurantOrdersLast30m(),
                history.fleetOrdersLast30m(),
                history.couriersOnShift(),
                history.fleetLoad30m(),
                history.courierSoonestArrivalMinutes(order.weather()),
                history.courierSoonestWaitMinutes(order.weather()),
                history.courierSoonestKm(order.weather()),
                history.courierSoonestVehicle(order.weather()),
                history.couriersAvailable(order.weather()),
                history.couriersIdle(order.weather()),
                history.courierRideMinutesEstimate(distanceKm, order.weather()),
                history.courierOtherVehicleGapMinutes(order.weather()),
                history.courierOtherVehicleRideMinutesEstimate(distanceKm, order.weather())};
        if (values.length != FeatureCatalogue.DELIVERY_TIME.features().size()) {
            throw new IllegalStateException("the catalogue changed: update DeliveryTimeInputs");
        }
        return values;
    }
}
