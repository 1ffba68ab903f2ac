package dev.forkcast.simulator.orders;

import dev.forkcast.events.Payload.OrderItem;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.city.City;
import dev.forkcast.simulator.city.CityMap;
import dev.forkcast.simulator.city.Courier;
import dev.forkcast.simulator.city.Customer;
import dev.forkcast.simulator.city.CustomerKind;
import dev.forkcast.simulator.city.Names;
import dev.forkcast.simulator.city.Restaurant;
import dev.forkcast.simulator.delivery.DeliveryModel;
import dev.forkcast.simulator.delivery.DeliveryPlan;
import dev.forkcast.simulator.fraud.FraudModel;
import dev.forkcast.simulator.fraud.FraudSignals;
import dev.forkcast.simulator.world.Weather;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes one order's story: the delivery point, the restaurant, the basket, the fraud draw, the
 * delivery plan and its noisy reality, cancellations, refunds and chargebacks. Updates the kitchen and
 * the courier it used.
 */
public final class OrderMaker {

    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;
    private static final String[] PUBLIC_PROMOS = {"SPRING5", "LUNCH3", "FREEDELIVERY"};
    private static final long DELIVERY_FEE_CENTS = 299;

    private final City city;
    private final SimulationConfig config;
    private final DeliveryModel delivery;
    private FraudModel fraud;
    private final RandomGenerator rng;

    public OrderMaker(City city, SimulationConfig config, FraudModel fraud, RandomGenerator rng) {
        this.city = city;
        this.config = config;
        this.delivery = new DeliveryModel(config.deliveryNoiseMinutes);
        this.fraud = fraud;
        this.rng = rng;
    }

    /** Places an order. A NaN delivery point means "wherever this customer usually orders to". */
    public OrderStory make(String orderId, Customer customer, long placedAt, int hour, Weather weather,
                           double deliveryX, double deliveryY) {
        if (Double.isNaN(deliveryX)) {
            double[] point = usualDeliveryPoint(customer);
            deliveryX = point[0];
            deliveryY = point[1];
        }
        Restaurant restaurant = chooseRestaurant(customer, deliveryX, deliveryY);
        if (restaurant == null) {
            return null;
        }
        List<OrderItem> items = chooseItems(customer.kind, restaurant);
        long basket = 0;
        int itemCount = 0;
        for (OrderItem item : items) {
            basket += item.quantity() * item.unitPriceCents();
            itemCount += item.quantity();
        }
        String promo = choosePromo(customer, placedAt);
        long discount = promo == null ? 0 : Math.min(500, basket / 10);

        FraudSignals signals = new FraudSignals(
                customer.accountAgeDays(placedAt),
                basket / (double) restaurant.typicalBasketCents,
                CityMap.distanceKm(deliveryX, deliveryY, customer.homeX, customer.homeY),
                !"NL".equals(customer.cardCountry),
                hour < 6,
                customer.device.accountsSeenBy(placedAt),
                promo != null,
                customer.refundsRequestedBefore(placedAt));
        double fraudProbability = fraud.probability(signals);
        boolean isFraud = rng.nextDouble() < fraudProbability;
        String pattern = !isFraud ? null
                : customer.kind.fraudPattern != null ? customer.kind.fraudPattern : CustomerKind.STOLEN_CARD.fraudPattern;

        DeliveryPlan plan = delivery.plan(restaurant, itemCount, placedAt, deliveryX, deliveryY, hour, weather,
                city.couriers);
        Courier courier = plan.courierIndex() >= 0 ? city.couriers[plan.courierIndex()] : null;
        double courierStartX = courier == null ? Double.NaN : courier.x;
        double courierStartY = courier == null ? Double.NaN : courier.y;
        String address = deliveryX == customer.homeX && deliveryY == customer.homeY
                ? customer.homeAddress : Names.address(deliveryX, deliveryY, rng);
        long amount = basket + DELIVERY_FEE_CENTS - discount;

        Cancellation cancellation = decideCancellation(plan);
        if (cancellation != null) {
            long cancelledAt = placedAt + (long) (cancellation.afterMinutes * MINUTE);
            long acceptedAt = placedAt + (long) (plan.acceptedMinutes() * MINUTE);
            return new OrderStory(orderId, customer, restaurant, placedAt, items, basket, amount, deliveryX, deliveryY,
                    address, promo, weather, fraudProbability, isFraud, pattern, plan, null, courierStartX,
                    courierStartY, cancellation.by, cancellation.reason, cancelledAt,
                    acceptedAt < cancelledAt ? acceptedAt : -1, -1, -1, -1, -1, -1, -1, null, -1);
        }

        // Reality: every leg stretched or shrunk by the same noise factor (see DeliveryModel).
        double stretch = delivery.noiseFactor(plan.deliveredMinutes(), rng);
        long acceptedAt = at(placedAt, plan.acceptedMinutes(), stretch);
        long assignedAt = at(placedAt, plan.assignedMinutes(), stretch);
        long departAt = at(placedAt, plan.departMinutes(), stretch);
        long arriveAt = at(placedAt, plan.arriveMinutes(), stretch);
        long readyAt = at(placedAt, plan.readyMinutes(), stretch);
        long pickedUpAt = at(placedAt, plan.pickedUpMinutes(), stretch);
        long deliveredAt = at(placedAt, plan.deliveredMinutes(), stretch);
        // The kitchen and the dispatcher schedule from the plan, as real ones schedule from estimates:
        // what happens to the next order depends on this one's plan, never on its not-yet-happened noise.
        restaurant.startCooking(placedAt + Math.round(plan.readyMinutes() * MINUTE));
        courier.freeAtMillis = placedAt + Math.round(plan.deliveredMinutes() * MINUTE);
        courier.x = deliveryX;
        courier.y = deliveryY;
        courier.jobsThisShift++;

        long refundAt = -1;
        String refundReason = null;
        double lateMinutes = (deliveredAt - placedAt) / (double) MINUTE - plan.deliveredMinutes();
        if (isFraud && customer.kind == CustomerKind.REFUND_ABUSER) {
            if (rng.nextDouble() < 0.9) {
                refundReason = "never_arrived";
            }
        } else if (!isFraud && rng.nextDouble() < config.honestRefundRate + (lateMinutes > 8 ? 0.05 : 0)) {
            refundReason = lateMinutes > 8 ? "late" : rng.nextBoolean() ? "item_missing" : "quality";
        }
        if (refundReason != null) {
            refundAt = deliveredAt + (long) ((10 + rng.nextDouble() * 170) * MINUTE);
            customer.requestedRefundAt(refundAt);
        }
        long chargebackAt = -1;
        if (isFraud) {
            // Banks take days: log-normal around the configured median, never under a day.
            double days = config.chargebackMedianDays * Math.exp(rng.nextGaussian() * 0.6);
            chargebackAt = placedAt + Math.max(DAY, (long) (days * DAY));
        }
        return new OrderStory(orderId, customer, restaurant, placedAt, items, basket, amount, deliveryX, deliveryY,
                address, promo, weather, fraudProbability, isFraud, pattern, plan, courier, courierStartX,
                courierStartY, null, null, -1, acceptedAt, assignedAt, departAt, arriveAt, pickedUpAt, deliveredAt,
                refundAt, refundReason, chargebackAt);
    }

    /** Swaps in the calibrated fraud function (see the simulator's calibration run). */
    public void useFraudModel(FraudModel calibrated) {
        this.fraud = calibrated;
    }

    private static long at(long placedAt, double minutes, double stretch) {
        return placedAt + Math.round(minutes * stretch * MINUTE);
    }

    private double[] usualDeliveryPoint(Customer customer) {
        if (rng.nextDouble() < 0.92) {
            return new double[] {customer.homeX, customer.homeY};
        }
        // The office, a friend's place: somewhere within 2.5 km.
        double angle = rng.nextDouble() * 2 * Math.PI;
        double km = rng.nextDouble() * 2.5;
        return new double[] {city.map.clamp(customer.homeX + km * Math.cos(angle)),
            city.map.clamp(customer.homeY + km * Math.sin(angle))};
    }

    private Restaurant chooseRestaurant(Customer customer, double x, double y) {
        if (rng.nextDouble() < 0.35) {
            int favourite = customer.favouriteRestaurants[rng.nextInt(customer.favouriteRestaurants.length)];
            if (favourite >= 0 && city.nearby.delivers(favourite, x, y)) {
                return city.restaurants[favourite];
            }
        }
        int picked = city.nearby.pick(x, y, rng);
        return picked < 0 ? null : city.restaurants[picked];
    }

    private List<OrderItem> chooseItems(CustomerKind kind, Restaurant restaurant) {
        int lines;
        boolean expensive = false;
        switch (kind) {
            case STOLEN_CARD -> {
                lines = 3 + rng.nextInt(5);
                expensive = true;
            }
            case ACCOUNT_FARM -> lines = 1 + rng.nextInt(2);
            default -> {
                // 1 + geometric extra lines: 2.2 lines on average, rarely more than 6.
                lines = 1;
                while (lines < 8 && rng.nextDouble() < 1.2 / 2.2) {
                    lines++;
                }
            }
        }
        List<OrderItem> items = new ArrayList<>(lines);
        int menu = restaurant.menuItemIds.length;
        for (int i = 0; i < lines; i++) {
            int pick = rng.nextInt(menu);
            if (expensive) {
                int other = rng.nextInt(menu);
                pick = restaurant.menuPricesCents[other] > restaurant.menuPricesCents[pick] ? other : pick;
            }
            int quantity = rng.nextDouble() < 0.15 ? 2 : 1;
            items.add(new OrderItem(restaurant.menuItemIds[pick], quantity, restaurant.menuPricesCents[pick]));
        }
        return items;
    }

    private String choosePromo(Customer customer, long placedAt) {
        double u = rng.nextDouble();
        return switch (customer.kind) {
            case ACCOUNT_FARM -> u < 0.9 ? customer.referralCode : null;
            case STOLEN_CARD -> u < 0.2 ? "WELCOME10" : null;
            default -> customer.accountAgeDays(placedAt) < 7
                    ? (u < 0.4 ? "WELCOME10" : null)
                    : (u < 0.05 ? PUBLIC_PROMOS[rng.nextInt(PUBLIC_PROMOS.length)] : null);
        };
    }

    private record Cancellation(String by, String reason, double afterMinutes) {
    }

    /**
     * Some orders never arrive: customers change their minds (the configured base rate), overloaded
     * kitchens refuse, customers give up when no courier can come soon, and with no courier on shift
     * the platform cancels.
     */
    private Cancellation decideCancellation(DeliveryPlan plan) {
        if (plan.courierIndex() < 0) {
            return new Cancellation("platform", "no_courier_available", 2 + rng.nextDouble() * 3);
        }
        double changedMind = config.baseCancelRate;
        double kitchenFull = 0.04 * Math.max(0, plan.kitchenLoad() - 1);
        double courierLate = 0.25 * Math.max(0, Math.min(1, (-plan.courierWaitMinutes() - 15) / 30));
        double u = rng.nextDouble();
        if (u < changedMind) {
            return new Cancellation("customer", "changed_mind", 0.5 + rng.nextDouble() * 3);
        }
        if (u < changedMind + kitchenFull) {
            return new Cancellation("restaurant", "kitchen_overloaded", plan.acceptedMinutes() * 0.8);
        }
        if (u < changedMind + kitchenFull + courierLate) {
            return new Cancellation("customer", "waiting_too_long", 10 + rng.nextDouble() * 10);
        }
        return null;
    }
}
