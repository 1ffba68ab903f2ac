package dev.forkcast.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.api.admin.AdminToken.Verdict;
import org.junit.jupiter.api.Test;

class AdminTokenTest {

    private final AdminToken token = new AdminToken("s3cret");

    @Test
    void theRightBearerTokenIsAccepted() {
        assertEquals(Verdict.ACCEPTED, token.check("Bearer s3cret"));
    }

    @Test
    void theSchemeIsCaseInsensitiveAsHttpSays() {
        assertEquals(Verdict.ACCEPTED, token.check("bearer s3cret"));
    }

    @Test
    void noHeaderIsMissing() {
        assertEquals(Verdict.MISSING, token.check(null));
    }

    @Test
    void anotherSchemeIsMissing() {
        assertEquals(Verdict.MISSING, token.check("Basic czNjcmV0"));
    }

    @Test
    void aPrefixOfTheTokenIsWrong() {
        assertEquals(Verdict.WRONG, token.check("Bearer s3cre"));
    }

    @Test
    void anEmptyTokenIsWrong() {
        assertEquals(Verdict.WRONG, token.check("Bearer "));
    }

    @Test
    void withoutAConfiguredTokenEverythingIsDisabledEvenAnEmptyBearer() {
        AdminToken unset = new AdminToken("");

        assertEquals(Verdict.DISABLED, unset.check("Bearer "));
        assertEquals(Verdict.DISABLED, unset.check(null));
    }
}
