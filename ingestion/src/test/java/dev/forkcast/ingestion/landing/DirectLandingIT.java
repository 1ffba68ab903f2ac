package dev.forkcast.ingestion.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.ingestion.TestServers;
import dev.forkcast.simulator.SimulationConfig;
import dev.forkcast.simulator.SimulationStats;
import dev.forkcast.simulator.Simulator;
import dev.forkcast.simulator.dirt.DirtKind;
import dev.forkcast.simulator.truth.TruthSink;
import dev.forkcast.warehouse.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Landing without a broker keeps the lander's rules: valid records in raw, bad ones dead-lettered, offsets continue. */
class DirectLandingIT {

    @Test
    void twoHistoriesLandOneAfterTheOtherWithTheLandersRules() throws SQLException {
        SimulationConfig dirtyDay = TestServers.smallCity().with("dirt.malformed_rate", "0.01");
        try (ScratchDatabase db = ScratchDatabase.create()) {
            SimulationStats first;
            SimulationStats second;
            try (DirectLanding landing = new DirectLanding(db.dataSource())) {
                first = new Simulator(dirtyDay, 3, landing, TruthSink.NONE).run();
            }
            try (DirectLanding landing = new DirectLanding(db.dataSource())) {
                second = new Simulator(dirtyDay.with("clock.start_date", "2026-03-03"), 4, landing, TruthSink.NONE).run();
            }

            long bad = first.dirt(DirtKind.MALFORMED) + first.dirt(DirtKind.WRONG_TYPE)
                    + second.dirt(DirtKind.MALFORMED) + second.dirt(DirtKind.WRONG_TYPE);
            assertEquals(first.records() + second.records() - bad, count(db, "SELECT count(*) FROM raw.events"));
            assertEquals(bad, count(db, "SELECT count(*) FROM ops.dead_letters"));
            assertEquals(count(db, "SELECT count(*) FROM raw.events"), count(db,
                    "SELECT sum(next_offset) FROM ops.consumer_offsets WHERE consumer_group = '" + DirectLanding.GROUP + "'")
                    - bad);
        }
    }

    private static long count(ScratchDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
