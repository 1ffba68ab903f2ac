package dev.forkcast.ml;

import dev.forkcast.ml.datasets.FeatureRow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small made-up city whose rules are simple enough to learn, for tests that need a real model: delivery
 * minutes grow with distance, items and bad weather, plus Gaussian noise; fraud comes mostly on foreign cards
 * and brand-new accounts. Knowing the rules, a test also knows the best possible prediction (the rule without
 * the noise, the true fraud probability). The same seed always gives the same city.
 */
public final class SyntheticCity {

    /** The world's delivery noise: no model can beat an RMSE of about this. */
    public static final double NOISE_MINUTES = 4.0;

    private static final String[] WEATHER = {"clear", "clear", "clear", "rain", "rain", "storm"};

    /**
     * One order, as both feature tables and the truth see it.
     *
     * @param deliveryValues in {@code FeatureCatalogue.DELIVERY_TIME} order
     * @param fraudValues in {@code FeatureCatalogue.FRAUD} order
     */
    public record Order(String orderId, Instant placedAt, String restaurantId, String customerId, String weather,
                        Object[] deliveryValues, double expectedMinutes, double deliveryMinutes,
                        Object[] fraudValues, double fraudProbability, boolean isFraud) {

        public FeatureRow deliveryRow() {
            return new FeatureRow(orderId, placedAt, deliveryValues, deliveryMinutes);
        }

        public FeatureRow fraudRow() {
            return new FeatureRow(orderId, placedAt, fraudValues, isFraud ? 1.0 : 0.0);
        }
    }

    private static final String[] VEHICLES = {"bike", "ebike", "scooter", "car"};

    private SyntheticCity() {
    }

    /** The rule behind delivery minutes: 12 + 3.5 per km + 1.5 per item, +5 in rain, +12 in a storm. */
    public static double expectedMinutes(double distanceKm, int itemCount, String weather) {
        double weatherDelay = switch (weather) {
            case "rain" -> 5;
            case "storm" -> 12;
            default -> 0;
        };
        return 12 + 3.5 * distanceKm + 1.5 * itemCount + weatherDelay;
    }

    /** The rule behind fraud: 1% for anyone, +30% on a foreign card, up to +25% for an account days old. */
    public static double fraudProbability(boolean foreignCard, double accountAgeDays) {
        return 0.01 + (foreignCard ? 0.30 : 0) + 0.25 * Math.max(0, 1 - accountAgeDays / 10);
    }

    /** {@code ordersPerDay} orders on each of {@code days} days from {@code firstDay}, in time order. */
    public static List<Order> orders(LocalDate firstDay, int days, int ordersPerDay, long seed) {
        Random random = new Random(seed);
        List<Order> orders = new ArrayList<>(days * ordersPerDay);
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            for (int n = 0; n < ordersPerDay; n++) {
                // Spread evenly over the day, so every hour has orders.
                ZonedDateTime placed = day.atStartOfDay(ZoneOffset.UTC).plusSeconds(86_400L * n / ordersPerDay + 7);
                orders.add(order(String.format("o-%s-%04d", day, n), placed, random));
            }
        }
        return orders;
    }

    private static Order order(String orderId, ZonedDateTime placed, Random random) {
        int hour = placed.getHour();
        DayOfWeek weekday = placed.getDayOfWeek();
        String weather = WEATHER[random.nextInt(WEATHER.length)];
        int items = 1 + random.nextInt(6);
        long basketCents = items * 900L + random.nextInt(600);
        double distanceKm = round(0.3 + 5.7 * random.nextDouble());
        int quotedPrep = 10 + random.nextInt(16);
        Double prepAvg = random.nextDouble() < 0.05 ? null : round(quotedPrep + 2 * random.nextGaussian());
        int fleetOrders = 10 + random.nextInt(50);
        int couriers = 10 + random.nextInt(30);
        String vehicle = VEHICLES[random.nextInt(VEHICLES.length)];
        Object[] delivery = {hour, weekday.getValue(), weekday.getValue() >= 6, weather, items, basketCents, distanceKm,
                quotedPrep, 2 + random.nextInt(5), prepAvg, random.nextInt(6), fleetOrders, couriers,
                round((double) fleetOrders / couriers),
                // The fleet: the soonest courier (noise to the rule below, like most columns here).
                round(2 + 10 * random.nextDouble()), round(5 * random.nextDouble()), round(3 * random.nextDouble()),
                vehicle, 10 + random.nextInt(30), random.nextInt(10), round(distanceKm * 1.35 / 18 * 60),
                round(4 * random.nextDouble()), round(distanceKm * 1.35 / 14 * 60)};
        double expected = expectedMinutes(distanceKm, items, weather);
        double minutes = expected + NOISE_MINUTES * random.nextGaussian();

        boolean foreignCard = random.nextDouble() < 0.10;
        double accountAge = round(random.nextDouble() < 0.15 ? 10 * random.nextDouble() : 10 + 700 * random.nextDouble());
        Object[] fraud = {hour, hour < 6, basketCents, random.nextDouble() < 0.05 ? null : round(0.5 + 1.5 * random.nextDouble()),
                accountAge, round(15 * random.nextDouble()), foreignCard, 1 + random.nextInt(2), random.nextDouble() < 0.2,
                random.nextInt(30), random.nextInt(3)};
        double probability = fraudProbability(foreignCard, accountAge);
        boolean isFraud = random.nextDouble() < probability;

        return new Order(orderId, placed.toInstant(), "r-" + (1 + random.nextInt(20)), "c-" + random.nextInt(2_000),
                weather, delivery, expected, minutes, fraud, probability, isFraud);
    }

    /** Two decimals, as a warehouse column would plausibly hold them. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
