package dev.forkcast.simulator.dirt;

/**
 * The wrong-type mistakes client bugs really make, applied to an event's JSON text. Each result is
 * still valid JSON, so only a schema check can catch it.
 */
final class WrongTypes {

    private WrongTypes() {
    }

    /** {@code "schema_version":1} becomes {@code "schema_version":"1"}. */
    static String schemaVersionAsText(String json) {
        return json.replaceFirst("\"schema_version\":(\\d+)", "\"schema_version\":\"$1\"");
    }

    /** The ISO timestamp becomes a bare number of epoch milliseconds. */
    static String eventTimeAsEpochMillis(String json, long eventTimeMillis) {
        return json.replaceFirst("\"event_time\":\"[^\"]*\"", "\"event_time\":" + eventTimeMillis);
    }

    /** The first number inside the payload is sent as text; without one, falls back to the schema version. */
    static String firstPayloadNumberAsText(String json) {
        int payload = json.indexOf("\"payload\":{");
        if (payload >= 0) {
            for (int i = payload + 11; i < json.length() - 1; i++) {
                char c = json.charAt(i);
                if (c == ':' && json.charAt(i - 1) == '"') {
                    char first = json.charAt(i + 1);
                    if (first == '-' || Character.isDigit(first)) {
                        int end = i + 1;
                        while (end < json.length() && "-0123456789.".indexOf(json.charAt(end)) >= 0) {
                            end++;
                        }
                        return json.substring(0, i + 1) + '"' + json.substring(i + 1, end) + '"' + json.substring(end);
                    }
                }
            }
        }
        return schemaVersionAsText(json);
    }
}
