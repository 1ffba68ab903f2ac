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
        CsvForCopy out = new CsvForCopy();

        out.text("order_placed");

        assertEquals("\"order_placed\"", out.toString());
    }

    @Test
    void aQuoteInsideAValueIsDoubled() {
        CsvForCopy out = new CsvForCopy();

        out.text("say \"hi\"");

        assertEquals("\"say \"\"hi\"\"\"", out.toString());
    }

    @Test
    void aJsonBodyKeepsEveryCharacterWithItsQuotesDoubled() {
        CsvForCopy out = new CsvForCopy();

        out.text("{\"event_type\":\"order_accepted\",\"payload\":{\"quoted_prep_minutes\":15}}");

        assertEquals("\"{\"\"event_type\"\":\"\"order_accepted\"\",\"\"payload\"\":{\"\"quoted_prep_minutes\"\":15}}\"",
                out.toString());
    }

    @Test
    void nullWritesNothingSoCopyReadsNull() {
        CsvForCopy out = new CsvForCopy().text("forkcast.orders").comma();

        out.text(null);

        assertEquals("\"forkcast.orders\",", out.toString());
    }

    @Test
    void anEmptyStringWritesTwoQuotesSoCopyReadsAnEmptyStringNotNull() {
        CsvForCopy out = new CsvForCopy();

        out.text("");

        assertEquals("\"\"", out.toString());
    }

    @Test
    void newlinesAndCommasStayInsideTheQuotes() {
        CsvForCopy out = new CsvForCopy();

        out.text("42 Bridge Road,\nflat 3\r\nring twice");

        assertEquals("\"42 Bridge Road,\nflat 3\r\nring twice\"", out.toString());
    }

    @Test
    void backslashesAreDataNotEscapes() {
        CsvForCopy out = new CsvForCopy();

        out.text("\\N and \\. and \\\"");

        assertEquals("\"\\N and \\. and \\\"\"\"", out.toString());
    }

    @Test
    void bodyBytesGoInUntouchedEvenOutsideAscii() {
        CsvForCopy out = new CsvForCopy();

        out.quoted("{\"name\":\"Zoë \"Z\"\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals("\"{\"\"name\"\":\"\"Zoë \"\"Z\"\"\"\"}\"", out.toString());
    }

    @Test
    void timestampsAreWrittenInTheFixedUtcForm() {
        CsvForCopy out = new CsvForCopy();

        out.timestamp(0).comma().number(-5);

        assertEquals("1970-01-01T00:00:00.000Z,-5", out.toString());
    }

    @Test
    void valuesAreAppendedAfterWhatIsAlreadyWritten() {
        CsvForCopy out = new CsvForCopy().text("forkcast.orders").comma().number(0).comma().number(17).comma();

        out.text("o20260302-000001");
        out.comma();
        out.text(null);
        out.comma();
        out.text("");

        assertEquals("\"forkcast.orders\",0,17,\"o20260302-000001\",,\"\"", out.toString());
    }
}
