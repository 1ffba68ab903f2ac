package dev.forkcast.api.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response after another from a kept-alive connection: the status line, the headers and the
 * whole body, framed by {@code Content-Length} or {@code Transfer-Encoding: chunked} (trailers skipped). A response
 * that the server means to be the connection's last ({@code Connection: close}, or a body up to the end of the
 * stream) is an error: the generator's connections are persistent, and a silently reopened one would measure
 * connection set-up.
 */
final class HttpResponseReader {

    /** A response read in full. */
    record Response(int status, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int MAX_LINE = 8192;

    private final InputStream in;
    private final byte[] line = new byte[MAX_LINE];

    /** {@code in} should be buffered: the reader takes a byte at a time for the status line and headers. */
    HttpResponseReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next response.
     *
     * @throws EOFException when the server closed the connection, before or in the middle of a response
     * @throws IOException  when the response is not HTTP/1.1 this reader understands
     */
    Response read() throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = parseInt(status.substring(9, 12), "status code in " + status);
        long contentLength = -1;
        boolean chunked = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header: " + header);
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = parseInt(value, "Content-Length");
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                case "connection" -> {
                    if (value.equalsIgnoreCase("close")) {
                        throw new IOException("the server closes the connection after this response (status " + code + ")");
                    }
                }
                default -> {
                    // Other headers do not frame the body.
                }
            }
        }
        byte[] body;
        if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = readFully(contentLength);
        } else if (code == 204 || code == 304 || code / 100 == 1) {
            body = new byte[0];
        } else {
            throw new IOException("a response with neither Content-Length nor chunked encoding (status " + code
                    + ") ends only when the connection does");
        }
        return new Response(code, body);
    }

    private byte[] readChunked() throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            String hex = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + sizeLine);
            }
            if (size < 0) {
                throw new IOException("bad chunk size: " + sizeLine);
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields: not needed
                }
                return body.toByteArray();
            }
            body.write(readFully(size));
            if (!readLine().isEmpty()) {
                throw new IOException("a chunk is not followed by CRLF");
            }
        }
    }

    private byte[] readFully(long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("body too large: " + length);
        }
        byte[] body = new byte[(int) length];
        int read = 0;
        while (read < body.length) {
            int n = in.read(body, read, body.length - read);
            if (n < 0) {
                throw new EOFException("the connection closed after " + read + " of " + length + " body bytes");
            }
            read += n;
        }
        return body;
    }

    /** A line without its CRLF (a bare LF is accepted too). */
    private String readLine() throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(length == 0 ? "the connection closed" : "the connection closed inside a line");
            }
            if (b == '\n') {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (length == MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " bytes");
            }
            line[length++] = (byte) b;
        }
    }

    private static int parseInt(String text, String what) throws IOException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IOException("bad " + what + ": " + text);
        }
    }
}
