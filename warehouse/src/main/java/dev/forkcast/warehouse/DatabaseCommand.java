package dev.forkcast.warehouse;

import java.util.concurrent.CountDownLatch;

/**
 * {@code ./forkcast db}: opens the warehouse (migrating it), says how to reach it, and keeps the
 * embedded PostgreSQL running until Ctrl-C, so learners can look inside with psql or any SQL client
 * while other commands reuse the same server.
 */
public final class DatabaseCommand {

    private DatabaseCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            System.out.println("Usage: ./forkcast db    (keeps the warehouse running until Ctrl-C)");
            return;
        }
        Warehouse warehouse = Warehouse.open();
        DatabaseSettings settings = warehouse.settings();
        System.out.println("warehouse: " + warehouse.description());
        System.out.println("JDBC URL:  " + JdbcUrls.redactPassword(settings.jdbcUrl()) + "  (user " + settings.user() + ")");
        if (settings.jdbcUrl().startsWith("jdbc:postgresql://localhost:" + EmbeddedPostgres.LOCAL_PORT + "/")) {
            System.out.println("psql:      psql -h localhost -p " + EmbeddedPostgres.LOCAL_PORT + " -U "
                    + EmbeddedPostgres.SUPERUSER + " " + Warehouse.DATABASE);
        }
        System.out.println("Try:       SELECT weather, count(*), avg(expected_delivery_minutes) FROM truth.orders GROUP BY 1;");
        System.out.println("Running until Ctrl-C.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            warehouse.close();
            stopped.countDown();
        }, "forkcast-db-shutdown"));
        stopped.await();
    }
}
