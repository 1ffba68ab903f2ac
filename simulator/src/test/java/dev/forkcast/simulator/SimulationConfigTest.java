package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationConfigTest {

    @Test
    void theDefaultsAreTheDocumentedCity() {
        SimulationConfig config = SimulationConfig.defaults();

        assertEquals(500, config.restaurants);
        assertEquals(20_000, config.customers);
        assertEquals(300, config.couriers);
        assertEquals(7, config.days);
        assertEquals(LocalDate.of(2026, 3, 2), config.startDate);
    }

    @Test
    void anOverrideReplacesTheDefault() {
        SimulationConfig config = SimulationConfig.withOverrides(Map.of("city.couriers", "42"));

        assertEquals(42, config.couriers);
        assertEquals("42", config.asMap().get("city.couriers"));
    }

    @Test
    void anUnknownKeyFailsWithAMessageThatNamesIt() {
        Map<String, String> typo = Map.of("city.resturants", "80");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationConfig.withOverrides(typo));

        assertTrue(e.getMessage().contains("'city.resturants'"), e.getMessage());
    }

    @Test
    void aRateAboveOneFailsWithAMessageThatNamesTheKey() {
        Map<String, String> impossible = Map.of("dirt.duplicate_rate", "1.5");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationConfig.withOverrides(impossible));

        assertTrue(e.getMessage().startsWith("dirt.duplicate_rate "), e.getMessage());
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void aValueThatIsNotANumberFails() {
        Map<String, String> words = Map.of("city.size_km", "twelve");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationConfig.withOverrides(words));

        assertEquals("city.size_km must be a number, got 'twelve'", e.getMessage());
    }

    @Test
    void withGivesANewConfigAndLeavesTheOriginalAlone() {
        SimulationConfig week = SimulationConfig.defaults();

        SimulationConfig threeDays = week.with("clock.days", "3");

        assertNotSame(week, threeDays);
        assertEquals(3, threeDays.days);
        assertEquals(7, week.days);
        assertEquals("7", week.asMap().get("clock.days"));
    }

    @Test
    void aConfigFileSitsBetweenTheDefaultsAndTheOverrides(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my-city.properties");
        Files.writeString(file, "city.couriers=11\nclock.days=5\n");

        SimulationConfig config = SimulationConfig.fromFile(file, Map.of("clock.days", "2"));

        assertEquals(11, config.couriers, "from the file");
        assertEquals(2, config.days, "the override wins over the file");
        assertEquals(500, config.restaurants, "the default where neither says anything");
    }
}
