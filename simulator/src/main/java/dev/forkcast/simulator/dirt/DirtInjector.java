package dev.forkcast.simulator.dirt;

import dev.forkcast.simulator.SimulationConfig;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides, record by record, what goes wrong, at the configured rates. It has its own random stream,
 * so turning dirt up or down never changes the world itself (the same orders, the same truth).
 */
public final class DirtInjector {

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;

    private static final String[] NOT_JSON = {
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        "\u0000\u0000\u0007garbled",
        "order_placed,o-unknown,,",
    };

    private final SimulationConfig config;
    private final SplittableRandom rng;

    public DirtInjector(SimulationConfig config, long seed) {
        this.config = config;
        this.rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** Whether this device-reported event gets the device's wrong clock. */
    public boolean skewClock() {
        return rng.nextDouble() < config.clockSkewRate;
    }

    /** The optional field to leave out of this event, or null. */
    public String fieldToOmit(List<String> optionalFields) {
        if (optionalFields.isEmpty() || rng.nextDouble() >= config.missingFieldRate) {
            return null;
        }
        return optionalFields.get(rng.nextInt(optionalFields.size()));
    }

    /** How an original record travels: its network delay and, if it is delayed on purpose, which kind. */
    public record Travel(long delayMillis, DirtKind dirt) {
    }

    public Travel travel() {
        // Normal network and batching delay: 50 ms to 2 s.
        long delay = 50 + (long) (rng.nextDouble() * 1950);
        double u = rng.nextDouble();
        if (u < config.lateRate) {
            return new Travel(delay + 20 * MINUTE + (long) (rng.nextDouble() * 340 * MINUTE), DirtKind.LATE);
        }
        if (u < config.lateRate + config.outOfOrderRate) {
            return new Travel(delay + 5 * SECOND + (long) (rng.nextDouble() * 175 * SECOND), DirtKind.OUT_OF_ORDER);
        }
        return new Travel(delay, null);
    }

    /** Extra delay of a retried copy after the original, or -1 when there is no retry. */
    public long duplicateDelayMillis() {
        return rng.nextDouble() < config.duplicateRate ? 200 + (long) (rng.nextDouble() * 30 * SECOND) : -1;
    }

    /** A broken copy of {@code json} (not valid JSON), or null when this record gets none. */
    public String malformedCopy(String json) {
        if (rng.nextDouble() >= config.malformedRate) {
            return null;
        }
        if (rng.nextDouble() < 0.8) {
            // Cut off in transit: the closing brace is always lost, so this never parses.
            return json.substring(0, 1 + rng.nextInt(json.length() - 1));
        }
        return NOT_JSON[rng.nextInt(NOT_JSON.length)];
    }

    /** A copy of {@code json} with one field of the wrong type, or null when this record gets none. */
    public String wrongTypeCopy(String json, long eventTimeMillis) {
        if (rng.nextDouble() >= config.wrongTypeRate) {
            return null;
        }
        return switch (rng.nextInt(3)) {
            case 0 -> WrongTypes.schemaVersionAsText(json);
            case 1 -> WrongTypes.eventTimeAsEpochMillis(json, eventTimeMillis);
            default -> WrongTypes.firstPayloadNumberAsText(json);
        };
    }

    /** A small extra delay for a damaged copy, sent by the same buggy client just after the original. */
    public long copyDelayMillis() {
        return (long) (rng.nextDouble() * 5 * SECOND);
    }
}
