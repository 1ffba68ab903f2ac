package dev.forkcast.pipeline.quality;

/** The outcome of one check in one run, as stored in {@code ops.quality_results}. */
public record CheckResult(Check check, long failingRows, String detail) {

    public boolean passed() {
        return failingRows == 0;
    }

    public boolean stopsTheRun() {
        return !passed() && check.severity() == Check.Severity.ERROR;
    }

    @Override
    public String toString() {
        return (passed() ? "pass " : stopsTheRun() ? "FAIL " : "warn ") + check.name()
                + (passed() ? "" : ": " + failingRows + " row(s)" + (detail == null ? "" : " — " + detail));
    }
}
