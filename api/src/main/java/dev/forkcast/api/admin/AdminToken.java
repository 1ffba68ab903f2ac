package dev.forkcast.api.admin;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Decides whether an {@code Authorization} header may perform admin actions. No token configured means admin
 * actions are off: a server started without {@code FORKCAST_API_TOKEN} must not be changeable by anyone.
 */
public final class AdminToken {

    /** What the check found; {@link #ACCEPTED} or the reason a caller is refused. */
    public enum Verdict {
        ACCEPTED(null),
        DISABLED("admin actions are disabled: the server was started without FORKCAST_API_TOKEN"),
        MISSING("an admin action needs the header Authorization: Bearer <FORKCAST_API_TOKEN>"),
        WRONG("the bearer token is not this server's FORKCAST_API_TOKEN");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    public AdminToken(@Nullable String configured) {
        this.expected = configured == null || configured.isBlank()
                ? null : configured.strip().getBytes(StandardCharsets.UTF_8);
    }

    public Verdict check(@Nullable String authorizationHeader) {
        if (expected == null) {
            return Verdict.DISABLED;
        }
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Verdict.MISSING;
        }
        byte[] given = authorizationHeader.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // Constant time: a comparison that stops at the first wrong byte tells an attacker, by its speed, how
        // many leading bytes they already have right.
        return MessageDigest.isEqual(expected, given) ? Verdict.ACCEPTED : Verdict.WRONG;
    }
}
