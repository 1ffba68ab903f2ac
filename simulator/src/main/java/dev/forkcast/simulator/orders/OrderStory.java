package dev.forkcast.simulator.orders;

import dev.forkcast.events.Payload.OrderItem;
import dev.forkcast.simulator.city.Courier;
import dev.forkcast.simulator.city.Customer;
import dev.forkcast.simulator.city.Restaurant;
import dev.forkcast.simulator.delivery.DeliveryPlan;
import dev.forkcast.simulator.world.Weather;
import java.util.List;

/**
 * Everything that will ever happen to one order, decided the moment it is placed (the simulator can
 * see the future; the platform will learn it event by event). Times are epoch milliseconds; -1 means
 * "does not happen".
 */
public record OrderStory(
        String orderId,
        Customer customer,
        Restaurant restaurant,
        long placedAtMillis,
        List<OrderItem> items,
        long basketCents,
        long amountCents,
        double deliveryX,
        double deliveryY,
        String deliveryAddress,
        String promoCode,
        Weather weather,
        double fraudProbability,
        boolean fraud,
        String fraudPattern,
        DeliveryPlan plan,
        Courier courier,
        double courierStartX,
        double courierStartY,
        String cancelledBy,
        String cancelReason,
        long cancelledAtMillis,
        long acceptedAtMillis,
        long assignedAtMillis,
        long departAtMillis,
        long arriveAtMillis,
        long pickedUpAtMillis,
        long deliveredAtMillis,
        long refundAtMillis,
        String refundReason,
        long chargebackAtMillis) {

    public boolean cancelled() {
        return cancelledAtMillis >= 0;
    }

    /** The instant {@code minutes} after placement on the plan (the expectation, before noise). */
    public long plannedAtMillis(double minutes) {
        return placedAtMillis + Math.round(minutes * 60_000);
    }

    /** Placed to delivered in minutes, NaN when cancelled. */
    public double actualDeliveryMinutes() {
        return cancelled() ? Double.NaN : (deliveredAtMillis - placedAtMillis) / 60_000.0;
    }
}
