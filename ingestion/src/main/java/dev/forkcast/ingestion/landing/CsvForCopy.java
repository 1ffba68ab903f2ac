package dev.forkcast.ingestion.landing;

/**
 * Writes values in the CSV dialect PostgreSQL's {@code COPY ... (FORMAT csv)} reads: every text value
 * quoted, quotes doubled, and nothing at all for NULL (so an empty string and NULL stay different).
 */
final class CsvForCopy {

    private CsvForCopy() {
    }

    static void text(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
