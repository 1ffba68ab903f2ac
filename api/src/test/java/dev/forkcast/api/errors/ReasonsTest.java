package dev.forkcast.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    @Test
    void aBadDateSaysWhatAGoodOneLooksLike() {
        assertEquals("must be a date like 2025-03-01 (YYYY-MM-DD)", Reasons.expected(LocalDate.class));
    }

    @Test
    void aBadNumberSaysItMustBeWhole() {
        assertEquals("must be a whole number", Reasons.expected(int.class));
        assertEquals("must be a whole number", Reasons.expected(Long.class));
    }

    @Test
    void aParameterViolationNamesTheParameter() {
        assertEquals("limit", Reasons.field("runs.limit"));
    }

    @Test
    void aBodyViolationNamesTheFieldNotTheBody() {
        assertEquals("version", Reasons.field("champion.request.version"));
    }

    @Test
    void aListElementViolationNamesTheList() {
        assertEquals("names", Reasons.field("create.request.names[2]"));
    }

    @Test
    void aViolationInsideAListElementNamesTheElement() {
        assertEquals("orders[3].itemCount", Reasons.field("deliveryTimeBatch.request.orders[3].itemCount"));
    }
}
