package dev.forkcast.demo;

import dev.forkcast.warehouse.ForkcastHome;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code ./forkcast demo}: starts the platform ({@link Demo#startUp()}), prints the tour, keeps the city live
 * until Ctrl-C, then stops everything in order.
 *
 * <p>Ctrl-C is caught as a signal, not left to shutdown hooks: hooks run all at once and in no order, and the
 * embedded PostgreSQL's own hook would stop the database while the API is still writing its last predictions. Here
 * the first Ctrl-C asks the main thread to stop, which closes the children, the city, Kafka and PostgreSQL one
 * after the other; a second Ctrl-C exits at once.
 */
public final class DemoCommand {

    private DemoCommand() {
    }

    public static void main(String[] args) {
        // The JVM's own start: the cold start is counted from the moment the command was launched.
        long launchedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (DemoSettings.wantsHelp(args)) {
            System.out.print(DemoSettings.HELP);
            return;
        }
        DemoSettings settings;
        try {
            settings = DemoSettings.fromCommandLine(args, System.getenv(), ForkcastHome.locate());
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage() + " (./forkcast demo --help)");
            System.exit(2);
            return;
        }
        System.out.println("Forkcast demo: the data engineer's highway and the ML engineer's models, live, in one"
                + " command. Ctrl-C stops it.");
        AtomicBoolean stop = new AtomicBoolean();
        Thread main = Thread.currentThread();
        SignalHandler onSignal = signal -> {
            if (stop.getAndSet(true)) {
                System.err.println("forkcast demo: stopping at once");
                System.exit(130);
            }
            System.out.println("\n[platform] stopping: the API, the ETL, the city and the lander, Kafka, PostgreSQL"
                    + " (Ctrl-C again to exit at once)...");
            main.interrupt();
        };
        Signal.handle(new Signal("INT"), onSignal);
        Signal.handle(new Signal("TERM"), onSignal);

        Demo demo = new Demo(settings, System.out, launchedAt);
        int exit = 0;
        try {
            Demo.StartUp startUp = demo.startUp();
            Tour.print(System.out, settings, demo, startUp);
            demo.runLive(stop::get);
        } catch (InterruptedException e) {
            // Ctrl-C: the normal end.
        } catch (Preflight.PreflightException e) {
            System.err.println("forkcast demo: " + e.getMessage());
            exit = 1;
        } catch (Exception e) {
            if (!stop.get()) {
                System.err.println("forkcast demo failed: " + e);
                e.printStackTrace(System.err);
                exit = 1;
            }
        } finally {
            // A Ctrl-C that came between two blocking calls left the flag set; stopping must be allowed to wait.
            Thread.interrupted();
            demo.close();
        }
        System.out.println("[platform] stopped: no child JVM, broker or database server of this demo is running.");
        System.exit(exit);
    }
}
