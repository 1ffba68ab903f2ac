package dev.forkcast.simulator.dirt;

/** Each kind of damage the simulator does on purpose, counted per topic so later stages can be checked. */
public enum DirtKind {
    /** The same event (same event_id, same bytes) sent a second time: a producer retry. */
    DUPLICATE,
    /** Arrives 20 minutes to 6 hours after it happened. */
    LATE,
    /** Arrives seconds to minutes late, after events that happened after it. */
    OUT_OF_ORDER,
    /** One optional payload field left out. */
    MISSING_FIELD,
    /** An extra copy that is not valid JSON at all. */
    MALFORMED,
    /** An extra copy that is valid JSON but has a field of the wrong type. */
    WRONG_TYPE,
    /** event_time written by a phone whose clock is wrong. */
    CLOCK_SKEW;

    public String wireName() {
        return name().toLowerCase();
    }
}
