package dev.forkcast.ingestion.landing;

import dev.forkcast.events.Timestamps;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in the CSV dialect PostgreSQL's {@code COPY ... (FORMAT csv)} reads, built as UTF-8 bytes: every
 * text value quoted, quotes doubled, and nothing at all for NULL (so an empty string and NULL stay
 * different). Record bodies go in as the bytes that arrived from Kafka, never decoded to text and
 * encoded again (a quote is the single byte 0x22 in UTF-8, never part of another character).
 */
public final class CsvForCopy {

    private static final byte QUOTE = '"';

    private byte[] bytes = new byte[1 << 16];
    private int length;
    private final StringBuilder scratch = new StringBuilder(32);
    private final Timestamps timestamps = new Timestamps();

    public CsvForCopy text(String value) {
        return value == null ? this : quoted(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes that are already UTF-8 text, quoted. */
    public CsvForCopy quoted(byte[] value) {
        ensure(value.length * 2 + 2);
        bytes[length++] = QUOTE;
        for (byte b : value) {
            if (b == QUOTE) {
                bytes[length++] = QUOTE;
            }
            bytes[length++] = b;
        }
        bytes[length++] = QUOTE;
        return this;
    }

    public CsvForCopy number(long value) {
        scratch.setLength(0);
        return ascii(scratch.append(value));
    }

    /** A timestamp in the fixed ISO-8601 form PostgreSQL reads as timestamptz. */
    public CsvForCopy timestamp(long epochMillis) {
        scratch.setLength(0);
        timestamps.append(scratch, epochMillis);
        return ascii(scratch);
    }

    public CsvForCopy comma() {
        ensure(1);
        bytes[length++] = ',';
        return this;
    }

    public CsvForCopy endOfRow() {
        ensure(1);
        bytes[length++] = '\n';
        return this;
    }

    public void clear() {
        length = 0;
    }

    public InputStream asInputStream() {
        return new ByteArrayInputStream(bytes, 0, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private CsvForCopy ascii(CharSequence text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
