package dev.forkcast.simulator.city;

/** When a courier works, in whole hours (an end before the start runs past midnight). */
public enum ShiftPattern {
    MORNING(7, 14, 0.12),
    LUNCH(10, 15, 0.13),
    DAY(10, 19, 0.09),
    DINNER(16, 23, 0.32),
    EVENING(17, 1, 0.18),
    LONG(11, 23, 0.14),
    NIGHT(22, 7, 0.06);

    public final int startHour;
    public final int endHour;
    /** Relative share of the fleet on this pattern: most couriers work the peaks. */
    public final double share;

    ShiftPattern(int startHour, int endHour, double share) {
        this.startHour = startHour;
        this.endHour = endHour;
        this.share = share;
    }

    public boolean covers(int hour) {
        return startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
