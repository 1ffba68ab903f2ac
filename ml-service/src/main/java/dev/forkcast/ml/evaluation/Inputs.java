package dev.forkcast.ml.evaluation;

/**
 * The checks every metric makes before it counts anything. A metric computed over arrays of different
 * lengths, or over a NaN, still returns a number; it is just a wrong one nobody notices. So we refuse.
 */
final class Inputs {

    private Inputs() {
    }

    static void requireSameLength(String firstName, int firstLength, String secondName, int secondLength) {
        if (firstLength != secondLength) {
            throw new IllegalArgumentException(firstName + " has " + firstLength + " rows but " + secondName
                    + " has " + secondLength + "; they must describe the same rows");
        }
    }

    static void requireRows(int rows) {
        if (rows == 0) {
            throw new IllegalArgumentException("no rows: a metric over nothing is undefined");
        }
    }

    static void requireFinite(String name, double[] values) {
        for (int row = 0; row < values.length; row++) {
            if (!Double.isFinite(values[row])) {
                throw new IllegalArgumentException(name + "[" + row + "] is " + values[row]
                        + "; fill or drop missing values before evaluating");
            }
        }
    }
}
