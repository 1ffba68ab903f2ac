package dev.forkcast.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final Set<String> OWN_OPTIONS = Set.of("seed", "dry-run");

    @Test
    void aShortOptionStandsForItsSetting() {
        String[] args = {"--days", "3"};

        CommandLine line = CommandLine.parse(args, OWN_OPTIONS);

        assertEquals(Map.of("clock.days", "3"), line.settings);
        assertEquals(Map.of(), line.options);
    }

    @Test
    void aDottedNamePassesThroughAsASetting() {
        String[] args = {"--fraud.target_rate", "0.05"};

        CommandLine line = CommandLine.parse(args, OWN_OPTIONS);

        assertEquals(Map.of("fraud.target_rate", "0.05"), line.settings);
    }

    @Test
    void aValueCanFollowAnEqualsSign() {
        String[] args = {"--days=3", "--seed=42"};

        CommandLine line = CommandLine.parse(args, OWN_OPTIONS);

        assertEquals(Map.of("clock.days", "3"), line.settings);
        assertEquals("42", line.option("seed", "0"));
    }

    @Test
    void aTrailingFlagWithoutValueIsTrue() {
        String[] args = {"--days", "3", "--dry-run"};

        CommandLine line = CommandLine.parse(args, OWN_OPTIONS);

        assertEquals("true", line.option("dry-run", "false"));
        assertEquals(Map.of("clock.days", "3"), line.settings);
    }

    @Test
    void anUnknownShortOptionFailsAndNamesIt() {
        String[] args = {"--dayz", "3"};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(args, OWN_OPTIONS));

        assertTrue(e.getMessage().contains("--dayz"), e.getMessage());
    }

    @Test
    void aBarePositionalArgumentFails() {
        String[] args = {"--days", "3", "extra"};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(args, OWN_OPTIONS));

        assertTrue(e.getMessage().contains("'extra'"), e.getMessage());
    }
}
