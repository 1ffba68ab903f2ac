package dev.forkcast.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark's results. Absolute times on shared machines are noise, so a report is built from
 * measurements and the ratios between them, all taken in the same run, plus the targets they are
 * judged by.
 *
 * <pre>
 * BenchReport report = new BenchReport("simulator", "7 simulated days, seed 42");
 * report.measurement("null sink", records, seconds, "records");
 * report.ratio("file sink / plain write", fileRate / plainRate, "how close the simulator gets to the disk");
 * report.target("null sink >= 200,000 events/s", eventsPerSecond >= 200_000);
 * report.print(System.out);
 * report.save();
 * </pre>
 */
public final class BenchReport {

    private record Measurement(String name, double count, double seconds, String unit) {
        double perSecond() {
            return count / seconds;
        }
    }

    private record Figure(String name, double value, String unit) {
    }

    private record Ratio(String name, double value, String meaning) {
    }

    private record Target(String description, boolean met) {
    }

    private final String name;
    private final String setup;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<Ratio> ratios = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final OffsetDateTime date = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    public BenchReport(String name, String setup) {
        this.name = name;
        this.setup = setup;
    }

    /** {@code count} things ({@code unit}) done in {@code seconds}. */
    public void measurement(String what, double count, double seconds, String unit) {
        measurements.add(new Measurement(what, count, seconds, unit));
    }

    /** A value that is not a rate, such as a latency percentile: {@code figure("ping p99", 1.9, "ms")}. */
    public void figure(String what, double value, String unit) {
        figures.add(new Figure(what, value, unit));
    }

    public void ratio(String what, double value, String meaning) {
        ratios.add(new Ratio(what, value, meaning));
    }

    public void target(String description, boolean met) {
        targets.add(new Target(description, met));
    }

    public boolean allTargetsMet() {
        return targets.stream().allMatch(Target::met);
    }

    public void print(PrintStream out) {
        out.printf("%nForkcast benchmark: %s (%s)%n", name, setup);
        out.printf("machine: %s%n%n", machine());
        out.printf("  %-44s %14s %9s %16s%n", "measurement", "count", "seconds", "per second");
        for (Measurement m : measurements) {
            out.printf(Locale.ROOT, "  %-44s %,14.0f %9.2f %,16.0f %s/s%n", m.name(), m.count(), m.seconds(),
                    m.perSecond(), m.unit());
        }
        if (!figures.isEmpty()) {
            out.println();
            for (Figure f : figures) {
                out.printf(Locale.ROOT, "  %-44s %14.2f %s%n", f.name(), f.value(), f.unit());
            }
        }
        if (!ratios.isEmpty()) {
            out.println();
            for (Ratio r : ratios) {
                out.printf(Locale.ROOT, "  %-44s %8.2f   %s%n", r.name(), r.value(), r.meaning());
            }
        }
        if (!targets.isEmpty()) {
            out.println();
            for (Target t : targets) {
                out.printf("  target: %-58s %s%n", t.description(), t.met() ? "MET" : "MISSED");
            }
        }
    }

    /** Writes {@code target/bench/<name>.json} under the Forkcast home (or the working directory). */
    public Path save() {
        String home = System.getenv().getOrDefault("FORKCAST_HOME", ".");
        Path file = Path.of(home, "target", "bench", name + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"benchmark\": ").append(quote(name))
                .append(",\n  \"setup\": ").append(quote(setup))
                .append(",\n  \"date\": ").append(quote(date.toString()))
                .append(",\n  \"machine\": ").append(quote(machine()))
                .append(",\n  \"measurements\": [");
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            json.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"name\": %s, \"count\": %.0f, \"seconds\": %.4f, \"per_second\": %.1f, \"unit\": %s}",
                    quote(m.name()), m.count(), m.seconds(), m.perSecond(), quote(m.unit())));
        }
        json.append("\n  ],\n  \"figures\": [");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            json.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"name\": %s, \"value\": %.4f, \"unit\": %s}", quote(f.name()), f.value(), quote(f.unit())));
        }
        json.append("\n  ],\n  \"ratios\": [");
        for (int i = 0; i < ratios.size(); i++) {
            Ratio r = ratios.get(i);
            json.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"name\": %s, \"value\": %.4f, \"meaning\": %s}", quote(r.name()), r.value(), quote(r.meaning())));
        }
        json.append("\n  ],\n  \"targets\": [");
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            json.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"description\": %s, \"met\": %s}", quote(t.description()), t.met()));
        }
        return json.append("\n  ]\n}\n").toString();
    }

    /** Cores, CPU model, memory and JVM: enough to know which machine a figure came from. */
    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores visible to the JVM, %s, max heap %d MB, Java %s (%s), %s %s",
                runtime.availableProcessors(), cpuModel(), runtime.maxMemory() >> 20,
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the model is a nicety.
        }
        return "unknown CPU";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
