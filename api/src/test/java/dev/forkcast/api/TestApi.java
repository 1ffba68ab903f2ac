package dev.forkcast.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkcast.warehouse.ScratchDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;

/**
 * What the API's tests share: properties that point the server at a scratch database, plain HTTP calls that
 * return status, headers and body as they came (no client exceptions to catch on a 4xx), and a JSON comparison.
 */
public final class TestApi {

    public static final String TOKEN = "test-admin-token-7f3a";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private TestApi() {
    }

    /** The server on a random free port, reading {@code database}, with {@code token} for admin actions. */
    public static Map<String, String> properties(ScratchDatabase database, String token) {
        return Map.of(
                "micronaut.server.port", "-1",
                "forkcast.db.url", database.jdbcUrl(),
                "forkcast.db.user", database.user(),
                "forkcast.db.password", database.password(),
                "forkcast.api.token", token);
    }

    /** An answer as it came over the wire. */
    public record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
    }

    public static Answer httpGet(EmbeddedServer server, String path) {
        return send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build());
    }

    /** A POST of {@code json}; {@code authorization} is the header's value, or null for none. */
    public static Answer httpPost(EmbeddedServer server, String path, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** Same JSON values (object key order does not matter; numbers and nulls do). */
    public static void assertJson(String expected, String actual) {
        try {
            JsonNode want = JSON.readTree(expected);
            JsonNode got = JSON.readTree(actual);
            Assertions.assertEquals(want, got, () -> "expected " + want + "\n but got " + got);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + actual, e);
        }
    }

    /** A 400 or 404 in the API's error shape, naming {@code field} with {@code reason}. */
    public static void assertError(int status, String field, String reason, Answer answer) {
        Assertions.assertEquals(status, answer.status(), answer.body());
        assertJson("""
                {"status": %d, "error": "%s", "field": "%s", "reason": "%s"}""".formatted(status,
                status == 400 ? "Bad Request" : "Not Found", field, reason), answer.body());
    }

    /** {@code value} as JSON text, e.g. a list of strings or a string with quotes and newlines escaped. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    public static void sql(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError("no answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
