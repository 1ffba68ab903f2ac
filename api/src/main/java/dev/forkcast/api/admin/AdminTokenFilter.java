package dev.forkcast.api.admin;

import dev.forkcast.api.errors.ApiError;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every {@code /api/v1/admin/**} request passes here before its body is even read: without the right token it
 * ends with a 401 and its reason; with it, it goes on to the controller.
 */
@ServerFilter("/api/v1/admin/**")
final class AdminTokenFilter {

    private final AdminToken token;

    AdminTokenFilter(@Value("${forkcast.api.token:}") String configured) {
        this.token = new AdminToken(configured);
    }

    @RequestFilter
    @Nullable
    HttpResponse<ApiError> requireToken(HttpRequest<?> request) {
        AdminToken.Verdict verdict = token.check(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (verdict == AdminToken.Verdict.ACCEPTED) {
            return null;
        }
        return ApiError.of(HttpStatus.UNAUTHORIZED, "Authorization", verdict.reason()).toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"forkcast-admin\"");
    }
}
