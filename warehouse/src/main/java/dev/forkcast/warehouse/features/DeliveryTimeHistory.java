package dev.forkcast.warehouse.features;

import java.time.Instant;

/**
 * A restaurant's static features and what the platform knew about its kitchen and the fleet at one
 * moment: the non-request columns of {@code features.delivery_time}. Restaurant fields are null for a
 * restaurant the warehouse does not know (the ETL's left join gives the same).
 *
 * <p>The fleet features depend on the order's weather too (couriers ride slower in rain and storm, so a
 * different courier may be soonest): the history holds the answer for each weather, and the fleet
 * accessors take the order's.
 */
public record DeliveryTimeHistory(Double restaurantLat, Double restaurantLon, Integer restaurantQuotedPrepMinutes,
                                  Integer restaurantKitchenCapacity, Double restaurantPrepMinutesAvg7d,
                                  int restaurantOrdersLast30m, int fleetOrdersLast30m, int couriersOnShift,
                                  SoonestCourier soonestCourier) {

    /**
     * The soonest courier as an order in each weather would find it; {@code unknownWeather} (timed with the
     * typical speeds) answers an order without a weather or with one outside {@link RideSpeeds#WEATHERS}.
     */
    public record SoonestCourier(FleetState.Soonest clear, FleetState.Soonest rain, FleetState.Soonest storm,
                                 FleetState.Soonest unknownWeather) {

        /** Asks the fleet once per weather, with the speeds of {@code at}'s day and hour. */
        public static SoonestCourier ask(FleetState fleet, RideSpeeds speeds, double lat, double lon, Instant at) {
            int hour = RequestFeatures.hourOfDay(at);
            return new SoonestCourier(
                    fleet.soonestAt(lat, lon, at, speeds.forOrder(at, hour, "clear")),
                    fleet.soonestAt(lat, lon, at, speeds.forOrder(at, hour, "rain")),
                    fleet.soonestAt(lat, lon, at, speeds.forOrder(at, hour, "storm")),
                    fleet.soonestAt(lat, lon, at, speeds.forOrder(at, hour, null)));
        }

        /** The answer for an order reported in {@code weather}. */
        public FleetState.Soonest in(String weather) {
            if (weather == null) {
                return unknownWeather;
            }
            return switch (weather) {
                case "clear" -> clear;
                case "rain" -> rain;
                case "storm" -> storm;
                default -> unknownWeather;
            };
        }
    }

    /** The fleet features: null when the restaurant is unknown (nothing to ride to), as in the ETL. */
    public Double courierSoonestArrivalMinutes(String weather) {
        return soonestCourier == null ? null : soonestCourier.in(weather).arrivalMinutes();
    }

    public Double courierSoonestWaitMinutes(String weather) {
        return soonestCourier == null ? null : soonestCourier.in(weather).waitMinutes();
    }

    public Double courierSoonestKm(String weather) {
        return soonestCourier == null ? null : soonestCourier.in(weather).distanceKm();
    }

    public String courierSoonestVehicle(String weather) {
        return soonestCourier == null ? null : soonestCourier.in(weather).vehicle();
    }

    public Integer couriersAvailable(String weather) {
        return soonestCourier == null ? null : soonestCourier.in(weather).availableCouriers();
    }

    public Integer couriersIdle(String weather) {
        return soonestCourier == null ? null : soonestCourier.in(weather).idleCouriers();
    }

    /** {@code courier_ride_minutes_estimate} for an order's {@code distance_km}, as the ETL computes it. */
    public Double courierRideMinutesEstimate(Double distanceKm, String weather) {
        return soonestCourier == null ? null : soonestCourier.in(weather).rideMinutesEstimate(distanceKm);
    }

    public Double courierOtherVehicleGapMinutes(String weather) {
        return soonestCourier == null ? null : soonestCourier.in(weather).otherVehicleGapMinutes();
    }

    /** {@code courier_other_vehicle_ride_minutes_estimate} for an order's {@code distance_km}, as the ETL computes it. */
    public Double courierOtherVehicleRideMinutesEstimate(Double distanceKm, String weather) {
        return soonestCourier == null ? null : soonestCourier.in(weather).otherVehicleRideMinutesEstimate(distanceKm);
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
