package dev.forkcast.api.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private static HttpResponseReader reader(String wire) {
        return new HttpResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsResponsesFramedByContentLengthOneAfterAnother() throws IOException {
        HttpResponseReader r = reader("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 15\r\n\r\n"
                + "{\"status\":\"ok\"}"
                + "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}");
        HttpResponseReader.Response first = r.read();
        assertEquals(200, first.status());
        assertEquals("{\"status\":\"ok\"}", first.bodyText());
        HttpResponseReader.Response second = r.read();
        assertEquals(201, second.status());
        assertEquals("{}", second.bodyText());
        assertThrows(EOFException.class, r::read);
    }

    @Test
    void readsAChunkedBodyWithExtensionsAndTrailers() throws IOException {
        HttpResponseReader r = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"a\":\r\nA;name=value\r\n1234567890\r\n1\r\n}\r\n0\r\nX-Trailer: 1\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n");
        assertEquals("{\"a\":1234567890}", r.read().bodyText());
        HttpResponseReader.Response empty = r.read();
        assertEquals(204, empty.status());
        assertEquals(0, empty.body().length);
    }

    @Test
    void anErrorStatusIsReadWithItsBodySoTheCallerCanReportIt() throws IOException {
        HttpResponseReader.Response r = reader("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 11\r\n\r\nno champion").read();
        assertEquals(503, r.status());
        assertEquals("no champion", r.bodyText());
    }

    @Test
    void aConnectionClosedMidBodyIsAnError() {
        EOFException e = assertThrows(EOFException.class,
                () -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345").read());
        assertTrue(e.getMessage().contains("5 of 10"), e.getMessage());
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab").read());
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Le").read());
    }

    @Test
    void responsesThatEndTheConnectionOrAreNotHttp11AreRefused() {
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\n\r\nbody until close").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").read());
        assertThrows(IOException.class, () -> reader("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n").read());
    }
}
