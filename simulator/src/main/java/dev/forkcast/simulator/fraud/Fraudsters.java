package dev.forkcast.simulator.fraud;

import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.city.CityMap;
import dev.forkcast.simulator.city.Customer;
import dev.forkcast.simulator.city.CustomerFactory;
import dev.forkcast.simulator.city.CustomerKind;
import dev.forkcast.simulator.city.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * The organised fraudsters: they open accounts (one stolen card each, or a farm of accounts on one
 * phone) and plan their orders at signup. Their activity drifts over the days: farms grow, stolen
 * cards fade, so a model trained on early days meets a different mix later.
 */
public final class Fraudsters {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    /** An order a fraudster has planned: when, by which account, delivered where. */
    public record PlannedOrder(long atMillis, long sequence, Customer customer, double deliveryX, double deliveryY)
            implements Comparable<PlannedOrder> {
        @Override
        public int compareTo(PlannedOrder other) {
            int byTime = Long.compare(atMillis, other.atMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final SimulationConfig config;
    private final CityMap map;
    private final CustomerFactory factory;
    private final RandomGenerator rng;
    private final PriorityQueue<PlannedOrder> planned = new PriorityQueue<>();
    private long sequence;
    private int farms;

    public Fraudsters(SimulationConfig config, CityMap map, CustomerFactory factory, RandomGenerator rng) {
        this.config = config;
        this.map = map;
        this.factory = factory;
        this.rng = rng;
    }

    /** Stolen-card accounts per day on simulated day {@code day} (0-based), after drift. */
    public double stolenCardAccountsPerDay(int day) {
        return config.stolenCardAccountsPerDay * Math.max(0.2, 1 - config.fraudDriftPerDay * day / 2);
    }

    /** Account farms per day on simulated day {@code day}, after drift. */
    public double farmsPerDay(int day) {
        return config.farmsPerWeek / 7 * (1 + config.fraudDriftPerDay * day);
    }

    /**
     * Lets fraudsters act during the minute starting at {@code minuteStart}: returns the accounts they
     * opened (each with its signup time) and plans their orders.
     */
    public List<Customer> actDuringMinute(long minuteStart, int day) {
        List<Customer> opened = new ArrayList<>(0);
        if (rng.nextDouble() < stolenCardAccountsPerDay(day) / 1440) {
            opened.add(openStolenCardAccount(minuteStart + (long) (rng.nextDouble() * MINUTE)));
        }
        if (rng.nextDouble() < farmsPerDay(day) / 1440) {
            opened.addAll(openFarm(minuteStart + (long) (rng.nextDouble() * MINUTE)));
        }
        return opened;
    }

    /** The next planned order if it is due before {@code untilMillis}, else null. */
    public PlannedOrder nextDue(long untilMillis) {
        PlannedOrder next = planned.peek();
        if (next == null || next.atMillis() >= untilMillis) {
            return null;
        }
        return planned.poll();
    }

    private Customer openStolenCardAccount(long signupAt) {
        double[] home = factory.homeLocation(rng);
        Customer account = factory.open(CustomerKind.STOLEN_CARD, home[0], home[1], signupAt, factory.newDevice(rng),
                null, rng);
        // The goods go to a drop address at least 3 km from the stated home.
        double[] drop = farFrom(home[0], home[1], 3);
        int orders = 1;
        while (orders < 6 && rng.nextDouble() < 0.6) {
            orders++;
        }
        for (int i = 0; i < orders; i++) {
            long at = signupAt + 5 * MINUTE + (long) (rng.nextDouble() * 3 * DAY);
            if (rng.nextDouble() < 0.4) {
                // Many stolen-card orders come in the small hours.
                at = at - Math.floorMod(at, DAY) + (long) (rng.nextDouble() * 5 * HOUR) + DAY;
            }
            plan(at, account, drop[0], drop[1]);
        }
        return account;
    }

    private List<Customer> openFarm(long startsAt) {
        farms++;
        int size = 5 + rng.nextInt(11);
        Device phone = factory.newDevice(rng);
        String referral = String.format("FRIEND-%04X", (farms * 7919 + rng.nextInt(4096)) & 0xFFFF);
        double baseX = rng.nextDouble() * map.sizeKm();
        double baseY = rng.nextDouble() * map.sizeKm();
        List<Customer> accounts = new ArrayList<>(size);
        long signupAt = startsAt;
        for (int i = 0; i < size; i++) {
            signupAt += (long) (rng.nextDouble() * 40 * MINUTE);
            double x = map.clamp(baseX + rng.nextGaussian() * 0.3);
            double y = map.clamp(baseY + rng.nextGaussian() * 0.3);
            Customer account = factory.open(CustomerKind.ACCOUNT_FARM, x, y, signupAt, phone, referral, rng);
            accounts.add(account);
            int orders = 1 + rng.nextInt(3);
            for (int o = 0; o < orders; o++) {
                plan(signupAt + 10 * MINUTE + (long) (rng.nextDouble() * 2 * DAY), account, x, y);
            }
        }
        return accounts;
    }

    private double[] farFrom(double x, double y, double minKm) {
        double size = map.sizeKm();
        for (int attempt = 0; attempt < 20; attempt++) {
            double dx = rng.nextDouble() * size;
            double dy = rng.nextDouble() * size;
            if (CityMap.distanceKm(x, y, dx, dy) >= minKm) {
                return new double[] {dx, dy};
            }
        }
        return new double[] {size - x, size - y};
    }

    private void plan(long at, Customer account, double x, double y) {
        planned.add(new PlannedOrder(at, sequence++, account, x, y));
    }
}
