package dev.forkcast.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code --name value} pairs. A dotted name is a setting from {@code city.properties}; short
 * names ({@code --days 7}) are the common ones; flags without a value are written {@code --name}
 * at the end or before another option.
 */
public final class CommandLine {

    /** Short options and the setting they stand for. */
    private static final Map<String, String> SHORTCUTS = Map.of(
            "days", "clock.days",
            "start", "clock.start_date",
            "speedup", "clock.speedup",
            "rate", "clock.speedup",
            "restaurants", "city.restaurants",
            "customers", "city.customers",
            "couriers", "city.couriers",
            "orders-per-day", "demand.orders_per_day");

    /** The command's own options (name without dashes -> value). */
    public final Map<String, String> options = new LinkedHashMap<>();
    /** Simulator settings (full dotted key -> value), ready for {@link SimulationConfig#withOverrides}. */
    public final Map<String, String> settings = new LinkedHashMap<>();

    /** Parses; {@code ownOptions} are the command's non-setting options (e.g. seed, out). */
    public static CommandLine parse(String[] args, java.util.Set<String> ownOptions) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options look like --days 7)");
            }
            String name = arg.substring(2);
            String value = "true";
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            }
            if (ownOptions.contains(name)) {
                line.options.put(name, value);
            } else if (SHORTCUTS.containsKey(name)) {
                line.settings.put(SHORTCUTS.get(name), value);
            } else if (name.contains(".")) {
                line.settings.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
            }
        }
        return line;
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
