package dev.forkcast.api.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;

/**
 * A value of the right type that breaks a rule ({@code @Min}, {@code @NotBlank}...): 400 naming the field. When
 * several fields are wrong, the first by name is reported, so the same request always gets the same answer.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
final class ConstraintViolationResponses implements ExceptionHandler<ConstraintViolationException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConstraintViolationException exception) {
        ConstraintViolation<?> first = exception.getConstraintViolations().stream()
                .min(Comparator.comparing((ConstraintViolation<?> v) -> Reasons.field(v.getPropertyPath().toString()))
                        .thenComparing(ConstraintViolation::getMessage))
                .orElseThrow();
        return ApiError.of(HttpStatus.BAD_REQUEST, Reasons.field(first.getPropertyPath().toString()), first.getMessage())
                .toResponse();
    }
}
