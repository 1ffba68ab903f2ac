package dev.forkcast.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's console: every stage is announced with its number and its owner, and closed with its time, so the
 * audience sees who builds what and what each step costs.
 *
 * <pre>
 * [3/7 data engineer] the city -> Kafka -> lander -> raw.events: 20 simulated days
 *      ...progress lines...
 * [3/7 data engineer] done in 14.2 s (since launch 31.0 s)
 * </pre>
 */
public final class StageLog {

    private final PrintStream out;
    private final int stages;
    private final long launchedAtMillis;
    private final List<StageTime> times = new ArrayList<>();
    private int current;

    /**
     * @param launchedAtMillis when the demo was launched (the JVM's start), the zero of "since launch"
     */
    public StageLog(PrintStream out, int stages, long launchedAtMillis) {
        this.out = out;
        this.stages = stages;
        this.launchedAtMillis = launchedAtMillis;
    }

    /**
     * Opens the next stage; close it with {@link Stage#done(String)}.
     *
     * @param name a short name for the timing table ("Spark ETL")
     * @param description what the audience reads when it starts
     */
    public Stage begin(Role role, String name, String description) {
        current++;
        Stage stage = new Stage(current, role, name, System.nanoTime());
        say(stage.number, role, description);
        return stage;
    }

    /** A line inside a stage or between them, tagged with its owner. */
    public void note(Role role, String text) {
        synchronized (out) {
            out.printf("[%s] %s%n", role.label(), text);
        }
    }

    public List<StageTime> times() {
        return List.copyOf(times);
    }

    /** Seconds since the demo was launched. */
    public double sinceLaunch() {
        return (System.currentTimeMillis() - launchedAtMillis) / 1000.0;
    }

    private void say(int number, Role role, String text) {
        synchronized (out) {
            out.printf("[%d/%d %s] %s%n", number, stages, role.label(), text);
        }
    }

    /** One stage in progress. */
    public final class Stage {
        private final int number;
        private final Role role;
        private final String name;
        private final long startedNanos;

        private Stage(int number, Role role, String name, long startedNanos) {
            this.number = number;
            this.role = role;
            this.name = name;
            this.startedNanos = startedNanos;
        }

        /** A progress line inside this stage, indented under it. */
        public void progress(String text) {
            synchronized (out) {
                out.println("      " + text);
            }
        }

        /** Closes the stage, prints its time and what it produced, and returns its seconds. */
        public double done(String result) {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            synchronized (times) {
                times.add(new StageTime(role, name, seconds));
            }
            say(number, role, String.format(Locale.ROOT, "%s: done in %.1f s (%.1f s since launch)", result, seconds,
                    sinceLaunch()));
            return seconds;
        }
    }
}
