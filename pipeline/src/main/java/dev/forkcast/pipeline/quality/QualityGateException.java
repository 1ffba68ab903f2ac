package dev.forkcast.pipeline.quality;

import java.util.List;

/** A check of severity error failed: the run stops before publishing the layer. */
public final class QualityGateException extends RuntimeException {

    private final transient List<CheckResult> failures;

    public QualityGateException(String layer, List<CheckResult> failures) {
        super("data-quality checks failed on " + layer + ", nothing of it was published: "
                + String.join("; ", failures.stream().map(CheckResult::toString).toList()));
        this.failures = failures;
    }

    public List<CheckResult> failures() {
        return failures;
    }
}
