package dev.forkcast.api.errors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/** Thrown by services when a request cannot be answered: unknown model, run or file, an impossible date range. */
public final class ApiException extends RuntimeException {

    private final ApiError error;

    public ApiException(HttpStatus status, @Nullable String field, String reason) {
        super(reason, null, false, false);
        this.error = ApiError.of(status, field, reason);
    }

    public static ApiException notFound(String field, String reason) {
        return new ApiException(HttpStatus.NOT_FOUND, field, reason);
    }

    public static ApiException badRequest(String field, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, field, reason);
    }

    public ApiError error() {
        return error;
    }
}
