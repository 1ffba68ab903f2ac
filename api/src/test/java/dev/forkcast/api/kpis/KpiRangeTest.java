package dev.forkcast.api.kpis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forkcast.api.errors.ApiError;
import dev.forkcast.api.errors.ApiException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KpiRangeTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);

    @Test
    void oneDayIsARange() {
        assertDoesNotThrow(() -> KpiRange.check(MARCH_1, MARCH_1));
    }

    @Test
    void aLeapYearOf366DaysIsAllowed() {
        assertDoesNotThrow(() -> KpiRange.check(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
    }

    @Test
    void day367IsOneTooMany() {
        ApiException refused = assertThrows(ApiException.class,
                () -> KpiRange.check(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)));

        assertEquals(new ApiError(400, "Bad Request", "to", "must be at most 366 days from from (asked for 367)"),
                refused.error());
    }

    @Test
    void toBeforeFromNamesTo() {
        ApiException refused = assertThrows(ApiException.class, () -> KpiRange.check(MARCH_1, MARCH_1.minusDays(1)));

        assertEquals(new ApiError(400, "Bad Request", "to", "must not be before from (2025-03-01)"), refused.error());
    }
}
