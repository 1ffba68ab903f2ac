package dev.forkcast.simulator;

import dev.forkcast.simulator.city.City;
import dev.forkcast.simulator.city.CityBuilder;
import dev.forkcast.simulator.city.Courier;
import dev.forkcast.simulator.city.Customer;
import dev.forkcast.simulator.city.CustomerFactory;
import dev.forkcast.simulator.city.CustomerKind;
import dev.forkcast.simulator.city.Restaurant;
import dev.forkcast.simulator.dirt.DirtInjector;
import dev.forkcast.simulator.fraud.FraudModel;
import dev.forkcast.simulator.fraud.Fraudsters;
import dev.forkcast.simulator.orders.OrderMaker;
import dev.forkcast.simulator.orders.OrderStory;
import dev.forkcast.simulator.sink.EventSink;
import dev.forkcast.simulator.sink.NullSink;
import dev.forkcast.simulator.truth.OrderTruth;
import dev.forkcast.simulator.truth.RunInfo;
import dev.forkcast.simulator.truth.TruthSink;
import dev.forkcast.simulator.world.Demand;
import dev.forkcast.simulator.world.Weather;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The city's clock. Minute by minute it updates weather and shifts, lets customers and fraudsters
 * act, writes each order's story (events + truth) and releases the records that have reached the
 * platform by then.
 *
 * <pre>
 * try (EventSink sink = new JsonLinesFileSink(path)) {
 *     SimulationStats stats = new Simulator(config, 42, sink, TruthSink.NONE).run();
 * }
 * </pre>
 *
 * The same seed and config give the same city and a byte-identical stream. Each concern draws from its
 * own random stream (city, world, fraudsters, dirt, sensors, ids), so changing a dirt rate or the ping
 * interval leaves the orders and the truth exactly as they were.
 */
public final class Simulator {

    private static final long MINUTE = 60_000L;
    private static final long DAY = 1440 * MINUTE;
    /** The fraud rate is calibrated on the first week (drift moves it afterwards). */
    private static final int CALIBRATION_DAYS = 7;
    /** Where the fraud intercept starts before calibration. */
    private static final double UNCALIBRATED_INTERCEPT = -5.0;

    /** Hears about progress, once per simulated day. */
    public interface Listener {
        void dayFinished(int day, int days, SimulationStats stats);
    }

    private final SimulationConfig config;
    private final long seed;
    private final EventSink sink;
    private final TruthSink truth;
    private final RunInfo run;
    private final City city;
    private final CustomerFactory customers;
    private final SplittableRandom world;
    private final Demand demand;
    private final Fraudsters fraudsters;
    private final OrderMaker orders;
    private final SimulationStats stats = new SimulationStats();
    private final Outbox outbox;
    private final EventEmitter emitter;
    private final boolean emitting;
    private Listener listener = (day, days, s) -> { };
    private Weather weather = Weather.CLEAR;
    private double[] scores = new double[0];
    private int scoreCount;

    public Simulator(SimulationConfig config, long seed, EventSink sink, TruthSink truth) {
        this(config, seed, sink, truth, true);
    }

    private Simulator(SimulationConfig config, long seed, EventSink sink, TruthSink truth, boolean emitting) {
        this.config = config;
        this.seed = seed;
        this.sink = sink;
        this.truth = truth;
        this.emitting = emitting;
        this.run = RunInfo.of(seed, config.startDate, config.days, config.toJson());
        SplittableRandom streams = new SplittableRandom(seed);
        long citySeed = streams.nextLong();
        this.world = new SplittableRandom(streams.nextLong());
        SplittableRandom fraudsterStream = new SplittableRandom(streams.nextLong());
        long dirtSeed = streams.nextLong();
        long sensorSeed = streams.nextLong();
        long idSeed = streams.nextLong();

        CityBuilder.Built built = new CityBuilder(config, citySeed).build(run.startMillis());
        this.city = built.city();
        this.customers = built.customers();
        this.demand = new Demand(config.ordersPerDay, config.rainDemandMultiplier, config.stormDemandMultiplier);
        this.fraudsters = new Fraudsters(config, city.map, customers, fraudsterStream);
        this.orders = new OrderMaker(city, config, new FraudModel(UNCALIBRATED_INTERCEPT), world);
        this.outbox = new Outbox(new DirtInjector(config, dirtSeed), sink, stats);
        this.emitter = new EventEmitter(city.map, outbox, config.pingIntervalSeconds, idSeed, sensorSeed);
    }

    public Simulator onProgress(Listener listener) {
        this.listener = listener;
        return this;
    }

    public RunInfo runInfo() {
        return run;
    }

    public City city() {
        return city;
    }

    /** Runs every simulated day, then sends what is still in flight and records the run's totals. */
    public SimulationStats run() {
        FraudModel calibrated = new FraudModel(calibrateFraudIntercept());
        orders.useFraudModel(calibrated);
        truth.runStarted(run);
        registerStartingCity();
        long wallStart = System.nanoTime();
        int minutes = config.days * 1440;
        for (int minute = 0; minute < minutes; minute++) {
            simulateMinute(minute);
            if (config.speedup > 0) {
                keepPace(wallStart, minute + 1);
            }
            if ((minute + 1) % 1440 == 0) {
                listener.dayFinished((minute + 1) / 1440, config.days, stats);
            }
        }
        outbox.drain(run.endMillis());
        sink.flush();
        truth.runFinished(run, stats);
        return stats;
    }

    /**
     * The intercept of the fraud function that gives the configured fraud rate: a quiet run of the
     * first week of the same world (same seed, no events), recording each order's fraud score, then
     * a bisection (see {@link FraudModel#calibrateIntercept}).
     */
    private double calibrateFraudIntercept() {
        SimulationConfig firstWeek = config.with("clock.days", String.valueOf(Math.min(config.days, CALIBRATION_DAYS)));
        Simulator quiet = new Simulator(firstWeek, seed, new NullSink(), TruthSink.NONE, false);
        int minutes = quiet.config.days * 1440;
        for (int minute = 0; minute < minutes; minute++) {
            quiet.simulateMinute(minute);
        }
        return FraudModel.calibrateIntercept(quiet.scores, quiet.scoreCount, config.fraudTargetRate);
    }

    private void registerStartingCity() {
        if (!emitting) {
            return;
        }
        long joined = run.startMillis() - 30 * DAY;
        for (Restaurant r : city.restaurants) {
            emitter.restaurantJoined(r, joined + r.index * MINUTE);
        }
        for (Courier c : city.couriers) {
            emitter.courierJoined(c, joined + 12 * 60 * MINUTE);
        }
        for (Customer c : city.population) {
            emitter.customerSignedUp(c);
        }
    }

    private void simulateMinute(int minute) {
        long now = run.startMillis() + minute * MINUTE;
        int day = minute / 1440;
        int hour = minute / 60 % 24;
        if (minute % 60 == 0) {
            if (minute > 0) {
                weather = weather.nextHour(world);
            }
            updateShifts(now, hour);
        }
        if (minute % 60 < 5) {
            announceLogOffs(now);
        }
        if (world.nextDouble() < config.newCustomersPerDay / 1440) {
            double[] home = customers.homeLocation(world);
            Customer newcomer = customers.open(CustomerKind.HONEST, home[0], home[1],
                    now + (long) (world.nextDouble() * MINUTE), customers.newDevice(world), null, world);
            city.newcomers.add(newcomer);
            emitSignup(newcomer);
        }
        List<Customer> opened = fraudsters.actDuringMinute(now, day);
        for (Customer account : opened) {
            emitSignup(account);
        }

        DayOfWeek weekday = LocalDate.ofEpochDay(Math.floorDiv(now, DAY)).getDayOfWeek();
        int count = poisson(demand.ordersPerMinute(weekday, hour, weather));
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = (long) (world.nextDouble() * MINUTE);
        }
        Arrays.sort(offsets);
        for (long offset : offsets) {
            place(city.pickOrderingCustomer(world), now + offset, hour, Double.NaN, Double.NaN);
        }
        for (Fraudsters.PlannedOrder planned = fraudsters.nextDue(now + MINUTE); planned != null;
                planned = fraudsters.nextDue(now + MINUTE)) {
            long at = Math.max(planned.atMillis(), now);
            place(planned.customer(), at, (int) (Math.floorMod(at, DAY) / (60 * MINUTE)), planned.deliveryX(),
                    planned.deliveryY());
        }
        outbox.releaseUntil(now + MINUTE);
    }

    private void place(Customer customer, long placedAt, int hour, double deliveryX, double deliveryY) {
        String orderId = orderId(placedAt);
        OrderStory story = orders.make(orderId, customer, placedAt, hour, weather, deliveryX, deliveryY);
        if (story == null) {
            return;
        }
        stats.ordersPlaced++;
        if (story.cancelled()) {
            stats.ordersCancelled++;
        }
        if (story.fraud()) {
            stats.fraudulentOrders++;
        }
        stats.fraudProbabilitySum += story.fraudProbability();
        if (!emitting) {
            recordScore(story.fraudProbability());
            return;
        }
        emitter.order(story);
        truth.order(new OrderTruth(orderId, placedAt, story.restaurant().id, customer.id, story.weather().wireName(),
                story.plan().deliveredMinutes(),
                story.actualDeliveryMinutes(), story.cancelled(), story.fraudProbability(), story.fraud(),
                story.fraudPattern()));
    }

    private long orderDay = Long.MIN_VALUE;
    private String orderDayPrefix;
    private int orderSequence;

    /** Order ids carry their day, {@code o20260302-000017}: runs over different days never collide. */
    private String orderId(long placedAt) {
        long day = Math.floorDiv(placedAt, DAY);
        if (day != orderDay) {
            orderDay = day;
            orderDayPrefix = "o" + LocalDate.ofEpochDay(day).toString().replace("-", "") + "-";
            orderSequence = 0;
        }
        return orderDayPrefix + String.format("%06d", ++orderSequence);
    }

    private void recordScore(double probability) {
        if (scoreCount == scores.length) {
            scores = Arrays.copyOf(scores, Math.max(1024, scores.length * 2));
        }
        // Back from probability to the order's part of the log-odds.
        scores[scoreCount++] = Math.log(probability / (1 - probability)) - UNCALIBRATED_INTERCEPT;
    }

    /**
     * Shifts change on the hour. A starting courier logs in within ten minutes and is offered jobs from
     * then on (from home, or from where a job still under way ends); a finishing courier logs off for new
     * jobs just after the hour and completes the one under way. Dispatch only offers jobs between the two
     * events, so what the platform has heard about its fleet is exactly who can be dispatched. The log-off
     * comes up to five minutes after the hour.
     */
    private void updateShifts(long hourStart, int hour) {
        for (Courier c : city.couriers) {
            boolean working = c.shift.covers(hour);
            if (working && !c.onShift) {
                c.onShift = true;
                c.jobsThisShift = 0;
                long startedAt = hourStart + (long) (world.nextDouble() * 10 * MINUTE);
                if (c.freeAtMillis < startedAt) {
                    c.x = c.homeX;
                    c.y = c.homeY;
                }
                c.acceptsJobsFromMillis = startedAt;
                c.acceptsJobsUntilMillis = Long.MAX_VALUE;
                c.logOffAnnounced = false;
                if (emitting) {
                    emitter.shiftStarted(c, startedAt);
                }
            } else if (!working && c.onShift) {
                c.onShift = false;
                // On a whole minute, so the log-off is announced before any order of that minute is placed.
                c.acceptsJobsUntilMillis = hourStart + (long) (world.nextDouble() * 5) * MINUTE;
            }
        }
    }

    /**
     * Announces the log-offs due by {@code nowMillis}, at the start of their minute: every job offered
     * before is in the shift's count, none after.
     */
    private void announceLogOffs(long nowMillis) {
        for (Courier c : city.couriers) {
            if (!c.onShift && c.acceptsJobsUntilMillis <= nowMillis && !c.logOffAnnounced) {
                c.logOffAnnounced = true;
                if (emitting) {
                    emitter.shiftEnded(c, c.acceptsJobsUntilMillis);
                }
            }
        }
    }

    private void emitSignup(Customer account) {
        if (emitting) {
            emitter.customerSignedUp(account);
        }
    }

    /** Knuth's method: fine for the handful of orders a minute brings. */
    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = world.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= world.nextDouble();
        }
        return count;
    }

    /** In paced mode, waits until the wall clock has caught up with the simulated minutes done. */
    private void keepPace(long wallStartNanos, int minutesDone) {
        sink.flush();
        long dueNanos = wallStartNanos + (long) (minutesDone * MINUTE * 1_000_000L / config.speedup);
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            }
        }
    }
}
