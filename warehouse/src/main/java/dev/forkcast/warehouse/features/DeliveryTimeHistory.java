package dev.forkcast.warehouse.features;

/**
 * A restaurant's static features and what the platform knew about its kitchen and the fleet at one
 * moment: the non-request columns of {@code features.delivery_time}. Restaurant fields are null for a
 * restaurant the warehouse does not know (the ETL's left join gives the same).
 */
public record DeliveryTimeHistory(Double restaurantLat, Double restaurantLon, Integer restaurantQuotedPrepMinutes,
                                  Integer restaurantKitchenCapacity, Double restaurantPrepMinutesAvg7d,
                                  int restaurantOrdersLast30m, int fleetOrdersLast30m, int couriersOnShift) {

    /** {@code fleet_load_30m}: orders per courier on shift; null with nobody on shift. */
    public Double fleetLoad30m() {
        return couriersOnShift > 0 ? (double) fleetOrdersLast30m / couriersOnShift : null;
    }

    /** {@code distance_km} from the restaurant to a delivery point, as the ETL computes it. */
    public Double distanceKm(Double deliveryLat, Double deliveryLon) {
        return RequestFeatures.distanceKm(restaurantLat, restaurantLon, deliveryLat, deliveryLon);
    }
}
