package dev.forkcast.api.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

/** A body that is not JSON at all ({@code version=1} sent as application/json): 400 naming the body. */
@Produces
@Singleton
@Replaces(JsonExceptionHandler.class)
final class MalformedJsonResponses implements ExceptionHandler<JsonSyntaxException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, JsonSyntaxException exception) {
        return ApiError.of(HttpStatus.BAD_REQUEST, "body", "is not valid JSON").toResponse();
    }
}
