package dev.forkcast.ingestion.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The CSV that {@code COPY raw.events ... FROM STDIN (FORMAT csv)} reads. In PostgreSQL's CSV format an
 * unquoted empty field is NULL and a quoted one ({@code ""}) is an empty string; inside quotes, a quote
 * is written twice and everything else (commas, newlines, backslashes) is data.
 */
class CsvForCopyTest {

    @Test
    void aValueIsWrittenBetweenQuotes() {
        StringBuilder out = new StringBuilder();

        CsvForCopy.text(out, "order_placed");

        assertEquals("\"order_placed\"", out.toString());
    }

    @Test
    void aQuoteInsideAValueIsDoubled() {
        StringBuilder out = new StringBuilder();

        CsvForCopy.text(out, "say \"hi\"");

        assertEquals("\"say \"\"hi\"\"\"", out.toString());
    }

    @Test
    void aJsonBodyKeepsEveryCharacterWithItsQuotesDoubled() {
        StringBuilder out = new StringBuilder();

        CsvForCopy.text(out, "{\"event_type\":\"order_accepted\",\"payload\":{\"quoted_prep_minutes\":15}}");

        assertEquals("\"{\"\"event_type\"\":\"\"order_accepted\"\",\"\"payload\"\":{\"\"quoted_prep_minutes\"\":15}}\"",
                out.toString());
    }

    @Test
    void nullWritesNothingSoCopyReadsNull() {
        StringBuilder out = new StringBuilder("\"forkcast.orders\",");

        CsvForCopy.text(out, null);

        assertEquals("\"forkcast.orders\",", out.toString());
    }

    @Test
    void anEmptyStringWritesTwoQuotesSoCopyReadsAnEmptyStringNotNull() {
        StringBuilder out = new StringBuilder();

        CsvForCopy.text(out, "");

        assertEquals("\"\"", out.toString());
    }

    @Test
    void newlinesAndCommasStayInsideTheQuotes() {
        StringBuilder out = new StringBuilder();

        CsvForCopy.text(out, "42 Bridge Road,\nflat 3\r\nring twice");

        assertEquals("\"42 Bridge Road,\nflat 3\r\nring twice\"", out.toString());
    }

    @Test
    void backslashesAreDataNotEscapes() {
        StringBuilder out = new StringBuilder();

        CsvForCopy.text(out, "\\N and \\. and \\\"");

        assertEquals("\"\\N and \\. and \\\"\"\"", out.toString());
    }

    @Test
    void valuesAreAppendedAfterWhatIsAlreadyWritten() {
        StringBuilder out = new StringBuilder("\"forkcast.orders\",0,17,");

        CsvForCopy.text(out, "o20260302-000001");
        out.append(',');
        CsvForCopy.text(out, null);
        out.append(',');
        CsvForCopy.text(out, "");

        assertEquals("\"forkcast.orders\",0,17,\"o20260302-000001\",,\"\"", out.toString());
    }
}
