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
    public int jobsThisShift;
    /** When the courier finishes the current job (in the past when idle; 0 = never had one). */
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
}
