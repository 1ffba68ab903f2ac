package dev.forkcast.api.predictions;

/** How a prediction route names a field in an error: {@code itemCount} for one order, {@code orders[3].itemCount} in a batch. */
final class BatchField {

    private BatchField() {
    }

    /**
     * @param prefix {@code ""} for a single order, {@code "orders"} for a batch
     */
    static String name(String prefix, int index, String field) {
        return prefix.isEmpty() ? field : prefix + "[" + index + "]." + field;
    }
}
