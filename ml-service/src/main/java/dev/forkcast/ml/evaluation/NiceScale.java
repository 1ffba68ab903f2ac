package dev.forkcast.ml.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An axis range rounded outward to round numbers, with 4 to 6 labelled ticks whose step is 1, 2, 2.5
 * or 5 times a power of ten. Readers compare bars against the ticks, so "0, 10, 20" beats
 * "0, 9.37, 18.74" even if the axis becomes a little longer than the data.
 *
 * <p>Ticks are computed as {@link BigDecimal} multiples of the step, so labels read "0.3", never
 * "0.30000000000000004".
 */
final class NiceScale {

    record Tick(double value, String label) {
    }

    private static final String[] STEP_MANTISSAS = {"5", "2.5", "2", "1"};

    private final double min;
    private final double max;
    private final List<Tick> ticks;

    private NiceScale(double min, double max, List<Tick> ticks) {
        this.min = min;
        this.max = max;
        this.ticks = ticks;
    }

    /** A scale that shows every value from {@code low} to {@code high}; both must be finite. */
    static NiceScale covering(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("cannot scale an axis from " + low + " to " + high);
        }
        if (low == high) {
            // A single value still needs an axis around it; 10% either side keeps it mid-chart.
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }

        // Try steps around a quarter of the range and keep the best (see Candidate.isBetterThan).
        int exponent = (int) Math.floor(Math.log10(high - low));
        Candidate best = null;
        for (int e = exponent + 1; e >= exponent - 2; e--) {
            for (String mantissa : STEP_MANTISSAS) {
                Candidate candidate = Candidate.of(mantissa, e, low, high);
                boolean fourToSixTicks = candidate.intervals >= 3 && candidate.intervals <= 5;
                if (fourToSixTicks && (best == null || candidate.isBetterThan(best))) {
                    best = candidate;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no round step found for " + low + ".." + high);
        }

        List<Tick> ticks = new ArrayList<>();
        for (long i = best.first; i <= best.first + best.intervals; i++) {
            BigDecimal value = best.step.multiply(BigDecimal.valueOf(i));
            ticks.add(new Tick(value.doubleValue(), value.stripTrailingZeros().toPlainString()));
        }
        return new NiceScale(ticks.get(0).value(), ticks.get(ticks.size() - 1).value(), List.copyOf(ticks));
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    List<Tick> ticks() {
        return ticks;
    }

    /** Where {@code value} sits on this axis: 0 at {@link #min()}, 1 at {@link #max()}. */
    double fraction(double value) {
        return (value - min) / (max - min);
    }

    /**
     * 0.6 / 0.2 is 2.9999999999999996 in doubles; without a nudge the axis would gain a needless tick.
     * The nudge is far above rounding noise (about 1e-16) yet far below a real overshoot worth a tick.
     */
    private static double nudge(double ratio, int direction) {
        return ratio + direction * 1e-12 * Math.max(1, Math.abs(ratio));
    }

    /** One possible step: ticks at first * step, (first + 1) * step, ... up to (first + intervals) * step. */
    private record Candidate(BigDecimal step, String mantissa, long first, long intervals, double span) {

        static Candidate of(String mantissa, int exponent, double low, double high) {
            BigDecimal step = new BigDecimal(mantissa).scaleByPowerOfTen(exponent);
            double stepValue = step.doubleValue();
            long first = (long) Math.floor(nudge(low / stepValue, +1));
            long last = (long) Math.ceil(nudge(high / stepValue, -1));
            return new Candidate(step, mantissa, first, last - first, (last - first) * stepValue);
        }

        /** Wastes less axis; else counts in 1, 2 or 5 rather than 2.5; else has closer to five ticks. */
        boolean isBetterThan(Candidate other) {
            if (Math.abs(span - other.span) > 1e-9 * other.span) {
                return span < other.span;
            }
            boolean quarter = mantissa.equals("2.5");
            if (quarter != other.mantissa.equals("2.5")) {
                return !quarter;
            }
            return Math.abs(intervals - 4) < Math.abs(other.intervals - 4);
        }
    }
}
