package dev.forkcast.api.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

/** A required query parameter, header or body that is not there at all: 400 naming it. */
@Produces
@Singleton
@Replaces(UnsatisfiedRouteHandler.class)
final class MissingInputResponses implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, UnsatisfiedRouteException exception) {
        String field = exception instanceof UnsatisfiedBodyRouteException ? "body" : exception.getArgument().getName();
        return ApiError.of(HttpStatus.BAD_REQUEST, field, "is required").toResponse();
    }
}
