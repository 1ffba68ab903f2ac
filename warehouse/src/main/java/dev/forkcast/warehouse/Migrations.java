package dev.forkcast.warehouse;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database up to the warehouse schema: the SQL files in {@code db/migration}, applied in version order by
 * Flyway, each at most once (Flyway records what it applied in {@code public.flyway_schema_history}).
 *
 * <p>The migrations are the contract between the roles: the simulator, the lander, the ETL, the trainer and the API
 * all run against the schema these files build, and nothing else creates tables.
 */
public final class Migrations {

    static final String LOCATION = "classpath:db/migration";

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** Applies the pending migrations and returns how many it applied (0 when the database is up to date). */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = flyway(dataSource).migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Applied {} migration(s) to {}: schema now at version {}",
                    result.migrationsExecuted, result.database, result.targetSchemaVersion);
        }
        return result.migrationsExecuted;
    }

    static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                // The SQL files ship inside this jar, so every module migrates with the very same contract.
                .locations(LOCATION)
                // A jar built without the SQL files must fail, not report "0 migrations, all good".
                .failOnMissingLocations(true)
                // A misnamed file (V3_orders.sql, one underscore) is otherwise skipped without a word.
                .validateMigrationNaming(true)
                // Applied migrations are history: if someone edits one, its checksum changes and we stop at once.
                .validateOnMigrate(true)
                // Refuse to adopt a non-empty database that these migrations did not build.
                .baselineOnMigrate(false)
                // Our SQL has no ${placeholders}; a literal "${" in a comment or string must stay as written.
                .placeholderReplacement(false)
                // Nothing in Forkcast may wipe a warehouse; drop a scratch database instead.
                .cleanDisabled(true)
                // Log through SLF4J like everything else, so one logging setup controls all output.
                .loggers("slf4j")
                .load();
    }
}
