package dev.forkcast.api.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A value that is not what its parameter needs ({@code ?from=yesterday}, {@code /versions/abc}, broken JSON): 400. */
@Produces
@Singleton
@Replaces(ConversionErrorHandler.class)
final class ConversionErrorResponses implements ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConversionErrorException exception) {
        var argument = exception.getArgument();
        if (argument.isAnnotationPresent(Body.class)) {
            return ApiError.of(HttpStatus.BAD_REQUEST, "body", "must be a JSON object as the API documents it").toResponse();
        }
        return ApiError.of(HttpStatus.BAD_REQUEST, argument.getName(), Reasons.expected(argument.getType())).toResponse();
    }
}
