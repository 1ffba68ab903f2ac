package dev.forkcast.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A module's runtime classpath as the build wrote it ({@code <module>/target/classes} plus
 * {@code target/classpath.txt}): what {@code ./forkcast etl}, {@code train} and {@code serve} run with, so a
 * child JVM started from here runs exactly what those commands run.
 */
public final class ModuleClasspath {

    private ModuleClasspath() {
    }

    public static String of(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        try {
            return target.resolve("classes") + ":" + Files.readString(target.resolve("classpath.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the " + module + " module is not built (" + target.resolve("classpath.txt")
                    + " is missing): run ./forkcast build", e);
        }
    }
}
