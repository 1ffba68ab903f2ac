package dev.forkcast.api.errors;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * The body of every error the framework itself answers: no route (404), wrong method (405), wrong content type
 * (415), too large (413), and unexpected failures (500). Same shape as ours; a 500 says nothing of its cause
 * (that goes to the log), because an exception message can carry SQL, paths or data.
 */
@Primary
@Singleton
final class ErrorBodies implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String reason = status.getCode() >= 500
                ? "the server failed to answer; the cause is in its log"
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        ApiError error = ApiError.of(status, null, reason);
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(error);
    }
}
