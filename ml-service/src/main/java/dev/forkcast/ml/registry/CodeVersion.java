package dev.forkcast.ml.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Which code trained a model: {@code FORKCAST_CODE_VERSION} when set (a container image sets it at build
 * time, having no .git), else the git commit of the working directory ({@code -dirty} with uncommitted
 * changes), else "unknown".
 */
public final class CodeVersion {

    public static final String VARIABLE = "FORKCAST_CODE_VERSION";

    private CodeVersion() {
    }

    public static String current() {
        String configured = System.getenv(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 && !out.isEmpty()) {
                return "git:" + out;
            }
        } catch (IOException e) {
            // no git on this machine: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }
}
