package dev.forkcast.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    private static final Path HOME = Path.of("/repo");

    @Test
    void noOptionsIsTheSmallCityOfTwentyDaysOnItsOwnServers() {
        DemoSettings s = DemoSettings.fromCommandLine(new String[0], Map.of(), HOME);

        assertEquals(20, s.historyDays());
        assertEquals(DemoSettings.DEFAULT_CITY, s.city());
        assertEquals(60, s.speedup());
        assertEquals(8080, s.apiPort());
        assertNull(s.database());
        assertNull(s.kafkaBootstrap());
        assertEquals(19192, s.kafkaPort());
        assertEquals(19193, s.kafkaControllerPort());
        assertEquals(HOME.resolve(".forkcast").resolve("demo"), s.stateDirectory());
    }

    @Test
    void optionsAndSimulatorSettingsOverrideTheDefaults() {
        DemoSettings s = DemoSettings.fromCommandLine(new String[] {"--days", "25", "--speedup", "120", "--port", "9090",
            "--etl-pause", "30", "--city.customers", "5000"}, Map.of(), HOME);

        assertEquals(25, s.historyDays());
        assertEquals(120, s.speedup());
        assertEquals(9090, s.apiPort());
        assertEquals(Duration.ofSeconds(30), s.etlPause());
        assertEquals("5000", s.city().get("city.customers"));
        assertEquals("100", s.city().get("city.restaurants"));
    }

    @Test
    void configuredWarehouseKafkaAndPortAreUsed() {
        DemoSettings s = DemoSettings.fromCommandLine(new String[0], Map.of(
                "FORKCAST_DB_URL", "jdbc:postgresql://db:5432/demo", "FORKCAST_KAFKA_BOOTSTRAP", "kafka:9092",
                "FORKCAST_API_PORT", "8181"), HOME);

        assertEquals("jdbc:postgresql://db:5432/demo", s.database().jdbcUrl());
        assertEquals("kafka:9092", s.kafkaBootstrap());
        assertEquals(8181, s.apiPort());
    }

    @Test
    void clockSettingsMustBeGivenAsDaysAndSpeedup() {
        assertThrows(IllegalArgumentException.class, () -> DemoSettings.fromCommandLine(
                new String[] {"--clock.days", "3"}, Map.of(), HOME));
    }

    @Test
    void zeroDaysIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoSettings.fromCommandLine(
                new String[] {"--days", "0"}, Map.of(), HOME));

        assertEquals("--days must be a positive whole number, got '0'", e.getMessage());
    }
}
