package dev.forkcast.api.predictions;

import dev.forkcast.api.errors.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An order's {@code placedAt}: taken as text and parsed here, so that a bad value is a 400 naming the field
 * (as a date type the framework would only blame the whole body). Absent means now.
 */
final class PlacedAt {

    private PlacedAt() {
    }

    static Instant parse(String text, Instant now, String field) {
        if (text == null) {
            return now;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "must be an instant like 2025-03-09T18:30:00Z (ISO-8601, UTC)");
        }
    }
}
