package dev.forkcast.simulator.city;

/** A courier: vehicle and shift are fixed; where they are and when they are next free change. */
public final class Courier {

    public final String id;
    public final Vehicle vehicle;
    public final ShiftPattern shift;
    public final double homeX;
    public final double homeY;
    public final int homeZone;
    /** How wrong this courier's phone clock is when it is wrong (milliseconds, either sign). */
    public final long clockErrorMillis;

    public boolean onShift;
    /** From when this shift's jobs can be offered (the shift-start event), and until when (exclusive). */
    public long acceptsJobsFromMillis;
    public long acceptsJobsUntilMillis;
    /** Whether the end of the last shift has been announced (see the simulator's log-offs). */
    public boolean logOffAnnounced = true;
    public int jobsThisShift;
    /**
     * When dispatch expects the courier to finish the current job (in the past when idle; 0 = never had
     * one). The plan, not the realised time: a dispatcher plans from its estimates.
     */
    public long freeAtMillis;
    /** Where the courier will be when free. */
    public double x;
    public double y;

    public Courier(String id, Vehicle vehicle, ShiftPattern shift, double homeX, double homeY, int homeZone,
                   long clockErrorMillis) {
        this.id = id;
        this.vehicle = vehicle;
        this.shift = shift;
        this.homeX = homeX;
        this.homeY = homeY;
        this.homeZone = homeZone;
        this.clockErrorMillis = clockErrorMillis;
        this.x = homeX;
        this.y = homeY;
    }

    /** Whether dispatch may offer this courier a job placed at {@code atMillis}. */
    public boolean acceptsJobsAt(long atMillis) {
        return atMillis >= acceptsJobsFromMillis && atMillis < acceptsJobsUntilMillis;
    }
}
