package dev.forkcast.warehouse.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forkcast.warehouse.ScratchDatabase;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The feature tables the migrations create hold exactly the catalogue's columns, in its order. */
class FeatureCatalogueIT {

    private static ScratchDatabase database;

    @BeforeAll
    static void migrate() {
        database = ScratchDatabase.create();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void deliveryTimeTableIsTheCatalogue() throws SQLException {
        assertEquals(expectedColumns(FeatureCatalogue.DELIVERY_TIME, List.of()), columnsOf("delivery_time"));
    }

    @Test
    void fraudTableIsTheCatalogue() throws SQLException {
        assertEquals(expectedColumns(FeatureCatalogue.FRAUD, List.of("label_known_at")), columnsOf("fraud"));
    }

    private static List<String> expectedColumns(FeatureTable table, List<String> afterLabel) {
        List<String> columns = new ArrayList<>(table.keyColumns());
        columns.addAll(table.featureNames());
        columns.add(table.label());
        columns.addAll(afterLabel);
        return columns;
    }

    private static List<String> columnsOf(String table) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT column_name FROM information_schema.columns
                     WHERE table_schema = 'features' AND table_name = ? ORDER BY ordinal_position""")) {
            s.setString(1, table);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }
}
