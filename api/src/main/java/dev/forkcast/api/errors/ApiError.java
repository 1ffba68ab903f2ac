package dev.forkcast.api.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every error the API answers, in one shape: {@code {"status":400,"error":"Bad Request","field":"limit",
 * "reason":"must be between 1 and 500"}}. {@code field} names the request part that was wrong (a path variable,
 * query parameter, header or body field) and is left out when no single part is to blame.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Error", description = "What went wrong, and where")
public record ApiError(int status, String error, @Nullable String field, String reason) {

    public static ApiError of(HttpStatus status, @Nullable String field, String reason) {
        return new ApiError(status.getCode(), status.getReason(), field, reason);
    }

    /** This error as a response with its status. */
    public MutableHttpResponse<ApiError> toResponse() {
        return HttpResponse.<ApiError>status(HttpStatus.valueOf(status)).body(this);
    }
}
