package dev.forkcast.warehouse.features;

/**
 * A restaurant's static features and what the platform knew about its kitchen and the fleet at one
 * moment: the non-request columns of {@code features.delivery_time}. Restaurant fields are null for a
 * restaurant the warehouse does not know (the ETL's left join gives the same).
 */
public record DeliveryTimeHistory(Double restaurantLat, Double restaurantLon, Integer restaurantQuotedPrepMinutes,
                                  Integer restaurantKitchenCapacity, Double restaurantPrepMinutesAvg7d,
                                  int restaurantOrdersLast30m, int fleetOrdersLast30m, int couriersOnShift,
                                  FleetState.Soonest soonestCourier) {

    /** The fleet features: null when the restaurant is unknown (nothing to ride to), as in the ETL. */
    public Double courierSoonestArrivalMinutes() {
        return soonestCourier == null ? null : soonestCourier.arrivalMinutes();
    }

    public Double courierSoonestWaitMinutes() {
        return soonestCourier == null ? null : soonestCourier.waitMinutes();
    }

    public Double courierSoonestKm() {
        return soonestCourier == null ? null : soonestCourier.distanceKm();
    }

    public String courierSoonestVehicle() {
        return soonestCourier == null ? null : soonestCourier.vehicle();
    }

    public Integer couriersAvailable() {
        return soonestCourier == null ? null : soonestCourier.availableCouriers();
    }

    public Integer couriersIdle() {
        return soonestCourier == null ? null : soonestCourier.idleCouriers();
    }

    /** {@code courier_ride_minutes_estimate} for an order's {@code distance_km}, as the ETL computes it. */
    public Double courierRideMinutesEstimate(Double distanceKm) {
        return FleetState.rideMinutesEstimate(distanceKm, courierSoonestVehicle());
    }

    /** {@code fleet_load_30m}: orders per courier on shift; null with nobody on shift. */
    public Double fleetLoad30m() {
        return couriersOnShift > 0 ? (double) fleetOrdersLast30m / couriersOnShift : null;
    }

    /** {@code distance_km} from the restaurant to a delivery point, as the ETL computes it. */
    public Double distanceKm(Double deliveryLat, Double deliveryLon) {
        return RequestFeatures.distanceKm(restaurantLat, restaurantLon, deliveryLat, deliveryLon);
    }
}
