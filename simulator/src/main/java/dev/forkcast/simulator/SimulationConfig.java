package dev.forkcast.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every size and rate of the simulated world, read from {@code city.properties} (the documented
 * defaults) and overridden by a file or the command line. Immutable once built.
 *
 * <p>The seed is not part of the config: the same config with two seeds gives two different but
 * equally plausible cities.
 */
public final class SimulationConfig {

    private static final String DEFAULTS = "/dev/forkcast/simulator/city.properties";

    private final TreeMap<String, String> values;

    public final double citySizeKm;
    public final double zoneKm;
    public final double centerLat;
    public final double centerLon;
    public final int restaurants;
    public final int customers;
    public final int couriers;
    public final double deliveryRadiusKm;

    public final LocalDate startDate;
    public final int days;
    public final double speedup;

    public final double ordersPerDay;
    public final double newCustomersPerDay;
    public final double rainDemandMultiplier;
    public final double stormDemandMultiplier;

    public final double deliveryNoiseMinutes;
    public final int pingIntervalSeconds;
    public final double baseCancelRate;

    public final double fraudTargetRate;
    public final double stolenCardAccountsPerDay;
    public final double farmsPerWeek;
    public final double refundAbuserShare;
    public final double fraudDriftPerDay;

    public final double chargebackMedianDays;
    public final double honestRefundRate;

    public final double duplicateRate;
    public final double lateRate;
    public final double outOfOrderRate;
    public final double missingFieldRate;
    public final double malformedRate;
    public final double wrongTypeRate;
    public final double clockSkewRate;

    private SimulationConfig(TreeMap<String, String> values) {
        this.values = values;
        citySizeKm = positive("city.size_km");
        zoneKm = positive("city.zone_km");
        centerLat = number("city.center_lat");
        centerLon = number("city.center_lon");
        restaurants = count("city.restaurants");
        customers = count("city.customers");
        couriers = count("city.couriers");
        deliveryRadiusKm = positive("city.delivery_radius_km");

        startDate = date("clock.start_date");
        days = count("clock.days");
        speedup = nonNegative("clock.speedup");

        ordersPerDay = positive("demand.orders_per_day");
        newCustomersPerDay = nonNegative("demand.new_customers_per_day");
        rainDemandMultiplier = positive("demand.rain_multiplier");
        stormDemandMultiplier = positive("demand.storm_multiplier");

        deliveryNoiseMinutes = nonNegative("delivery.noise_minutes");
        pingIntervalSeconds = count("delivery.ping_interval_seconds");
        baseCancelRate = rate("delivery.base_cancel_rate");

        fraudTargetRate = rate("fraud.target_rate");
        stolenCardAccountsPerDay = nonNegative("fraud.stolen_card_accounts_per_day");
        farmsPerWeek = nonNegative("fraud.farms_per_week");
        refundAbuserShare = rate("fraud.refund_abuser_share");
        fraudDriftPerDay = nonNegative("fraud.drift_per_day");

        chargebackMedianDays = positive("payments.chargeback_median_days");
        honestRefundRate = rate("payments.honest_refund_rate");

        duplicateRate = rate("dirt.duplicate_rate");
        lateRate = rate("dirt.late_rate");
        outOfOrderRate = rate("dirt.out_of_order_rate");
        missingFieldRate = rate("dirt.missing_field_rate");
        malformedRate = rate("dirt.malformed_rate");
        wrongTypeRate = rate("dirt.wrong_type_rate");
        clockSkewRate = rate("dirt.clock_skew_rate");
        if (lateRate + outOfOrderRate > 1) {
            throw new IllegalArgumentException("dirt.late_rate + dirt.out_of_order_rate must not exceed 1");
        }
    }

    /** The documented defaults. */
    public static SimulationConfig defaults() {
        return withOverrides(Map.of());
    }

    /** The defaults with some keys replaced; an unknown key is an error that lists the known ones. */
    public static SimulationConfig withOverrides(Map<String, String> overrides) {
        TreeMap<String, String> values = loadDefaults();
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            if (!values.containsKey(override.getKey())) {
                throw new IllegalArgumentException("unknown setting '" + override.getKey()
                        + "'; known settings: " + String.join(", ", values.keySet()));
            }
            values.put(override.getKey(), override.getValue().trim());
        }
        return new SimulationConfig(values);
    }

    /** The defaults, then a properties file, then the given overrides. */
    public static SimulationConfig fromFile(Path file, Map<String, String> overrides) {
        Properties fromFile = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            fromFile.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
        TreeMap<String, String> merged = new TreeMap<>();
        fromFile.forEach((k, v) -> merged.put(k.toString(), v.toString()));
        merged.putAll(overrides);
        return withOverrides(merged);
    }

    /** A copy with one more override, e.g. {@code with("clock.days", "3")}. */
    public SimulationConfig with(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return withOverrides(copy);
    }

    /** Every setting as it was resolved, sorted by key. */
    public Map<String, String> asMap() {
        return new TreeMap<>(values);
    }

    /** The settings as a flat JSON object (for the run's record in {@code truth.simulation_runs}). */
    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(e.getKey()).append("\":\"").append(e.getValue().replace("\"", "\\\"")).append('"');
        }
        return json.append('}').toString();
    }

    private static TreeMap<String, String> loadDefaults() {
        Properties defaults = new Properties();
        try (InputStream in = SimulationConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS);
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeMap<String, String> values = new TreeMap<>();
        defaults.forEach((k, v) -> values.put(k.toString(), v.toString().trim()));
        return values;
    }

    private double number(String key) {
        String text = values.get(key);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value)) {
            // parseDouble also accepts "NaN" and "Infinity": neither is a size or a rate.
            throw new IllegalArgumentException(key + " must be a number, got '" + text + "'");
        }
        return value;
    }

    private double positive(String key) {
        double value = number(key);
        if (!(value > 0)) {
            throw new IllegalArgumentException(key + " must be greater than 0, got " + values.get(key));
        }
        return value;
    }

    private double nonNegative(String key) {
        double value = number(key);
        if (!(value >= 0)) {
            throw new IllegalArgumentException(key + " must be 0 or more, got " + values.get(key));
        }
        return value;
    }

    private double rate(String key) {
        double value = number(key);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " is a share and must be between 0 and 1, got " + values.get(key));
        }
        return value;
    }

    private int count(String key) {
        double value = positive(key);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be a whole number, got " + values.get(key));
        }
        return (int) value;
    }

    private LocalDate date(String key) {
        try {
            return LocalDate.parse(values.get(key));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a date like 2026-03-02, got '" + values.get(key) + "'");
        }
    }
}
