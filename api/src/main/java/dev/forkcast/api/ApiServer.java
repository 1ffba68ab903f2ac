package dev.forkcast.api;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * {@code ./forkcast serve}: Forkcast's HTTP API on {@code FORKCAST_API_PORT} (default 8080), reading the warehouse
 * that {@code FORKCAST_DB_URL} names (unset: the embedded PostgreSQL, as for every other command).
 *
 * <p>Everything else is wiring Micronaut does at compile time: the controllers in the packages below, the error
 * shape in {@code errors}, and the OpenAPI document generated from these annotations.
 */
@OpenAPIDefinition(
        info = @Info(title = "forkcast-api", version = "0.1",
                description = "Forkcast's models, pipeline runs, data-quality results and daily KPIs. Read endpoints"
                        + " are public and return no personal data; admin actions need a bearer token."),
        // Relative: the document and its UI work on whatever host and port the server runs.
        servers = @Server(url = "/", description = "the server that serves this document"))
@SecurityScheme(name = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "FORKCAST_API_TOKEN of the server")
public final class ApiServer {

    private ApiServer() {
    }

    public static void main(String[] args) {
        // No ASCII-art banner: the server's only start-up output is StartupLine's URL.
        Micronaut.build(args).mainClass(ApiServer.class).banner(false).start();
    }
}
