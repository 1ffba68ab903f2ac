package dev.forkcast.ml.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Three small charts as standalone SVG documents (plain strings, no chart library), so an evaluation
 * report can show a picture: a README embeds the file, the HTTP API serves it as
 * {@code image/svg+xml}. A scatter of predicted against actual minutes shows at a glance what an RMSE
 * of 4.2 hides, such as a model that never predicts above 40 minutes.
 *
 * <p>Charts never throw on awkward data: NaN values are left out, and a chart with nothing left to draw
 * says "no data". Inputs that disagree with each other (three labels but two values) are a bug in the
 * caller and do throw.
 */
public final class SvgCharts {

    /** Enough dots to show the shape of the cloud; more only makes the file bigger. */
    static final int MAX_SCATTER_POINTS = 4_000;

    private static final String CLIP_ID = "plot-area";

    private SvgCharts() {
    }

    /**
     * One dot per (x, y) pair, semi-transparent so dense regions look darker. With {@code diagonal}
     * both axes share one range and a dashed y = x line marks perfect predictions: dots above it were
     * under-predicted. More than 4,000 pairs are thinned to an evenly spaced, repeatable sample of
     * 4,000, and a caption says so.
     */
    public static String scatter(String title, String xTitle, String yTitle, double[] x, double[] y, boolean diagonal) {
        Inputs.requireSameLength("x", x.length, "y", y.length);
        SvgCanvas canvas = new SvgCanvas(title);
        int[] finite = finitePairs(x, y);
        if (finite.length == 0) {
            canvas.noData();
            return canvas.finish();
        }

        int[] drawn = evenlySpacedSample(finite, MAX_SCATTER_POINTS);
        double[] xRange = range(x, drawn);
        double[] yRange = range(y, drawn);
        if (diagonal) {
            // One shared range, so the y = x line runs at 45 degrees and distances read the same both ways.
            xRange = new double[] {Math.min(xRange[0], yRange[0]), Math.max(xRange[1], yRange[1])};
            yRange = xRange;
        }
        NiceScale xScale = NiceScale.covering(xRange[0], xRange[1]);
        NiceScale yScale = NiceScale.covering(yRange[0], yRange[1]);
        canvas.axes(xScale, yScale, xTitle, yTitle);

        canvas.beginGroup("fill=\"" + SvgCanvas.color(0) + "\" fill-opacity=\"0.35\"");
        for (int row : drawn) {
            canvas.circle(SvgCanvas.x(xScale, x[row]), SvgCanvas.y(yScale, y[row]));
        }
        canvas.endGroup();
        if (diagonal) {
            canvas.line(SvgCanvas.x(xScale, xScale.min()), SvgCanvas.y(yScale, xScale.min()),
                    SvgCanvas.x(xScale, xScale.max()), SvgCanvas.y(yScale, xScale.max()), "#555", true);
        }
        String caption = scatterCaption(x.length, finite.length, drawn.length);
        if (!caption.isEmpty()) {
            canvas.caption(caption);
        }
        return canvas.finish();
    }

    /**
     * Grouped bars: one group per label, one bar per series inside each group (for example RMSE per hour
     * of day, the model beside the best possible). Bars start at zero, because a bar's length is what the
     * eye compares; negative values hang below the zero line. NaN values leave a gap.
     */
    public static String bars(String title, String xTitle, String yTitle, List<String> labels,
            List<double[]> seriesValues, List<String> seriesNames) {
        Inputs.requireSameLength("seriesValues", seriesValues.size(), "seriesNames", seriesNames.size());
        for (double[] values : seriesValues) {
            Inputs.requireSameLength("each series", values.length, "labels", labels.size());
        }
        SvgCanvas canvas = new SvgCanvas(title);
        double low = 0;
        double high = 0;
        boolean anyValue = false;
        for (double[] values : seriesValues) {
            for (double value : values) {
                if (Double.isFinite(value)) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                    anyValue = true;
                }
            }
        }
        if (!anyValue) {
            canvas.noData();
            return canvas.finish();
        }

        NiceScale yScale = NiceScale.covering(low, high);
        canvas.yAxis(yScale, xTitle, yTitle);
        canvas.legend(seriesNames, true);
        double groupWidth = (SvgCanvas.PLOT_RIGHT - SvgCanvas.PLOT_LEFT) / labels.size();
        double barWidth = groupWidth * 0.8 / seriesValues.size();
        double zero = SvgCanvas.y(yScale, 0);
        // Beyond 24 groups the labels would overlap; label every second (third, ...) group instead.
        int labelEvery = (labels.size() + 23) / 24;
        for (int group = 0; group < labels.size(); group++) {
            double groupLeft = SvgCanvas.PLOT_LEFT + group * groupWidth;
            if (group % labelEvery == 0) {
                canvas.xTick(groupLeft + groupWidth / 2, labels.get(group));
            }
            for (int series = 0; series < seriesValues.size(); series++) {
                double value = seriesValues.get(series)[group];
                if (!Double.isFinite(value)) {
                    continue;
                }
                double top = SvgCanvas.y(yScale, value);
                canvas.bar(groupLeft + groupWidth * 0.1 + series * barWidth, Math.min(top, zero), barWidth,
                        Math.abs(zero - top), SvgCanvas.color(series));
            }
        }
        if (yScale.min() < 0) {
            canvas.line(SvgCanvas.PLOT_LEFT, zero, SvgCanvas.PLOT_RIGHT, zero, "#333", false);
        }
        return canvas.finish();
    }

    /**
     * One line per series, each given as {@code {xs, ys}} (for example the PR curve of the model beside
     * the PR curve of a perfect ranking). The axes cover xMin..xMax and yMin..yMax, rounded outward to
     * round ticks, so charts from different runs can be compared by eye; lines leaving that box are cut
     * off. If a range is unusable (NaN, or min not below max) it is taken from the data instead.
     */
    public static String lines(String title, String xTitle, String yTitle, List<double[][]> series,
            List<String> seriesNames, double xMin, double xMax, double yMin, double yMax) {
        Inputs.requireSameLength("series", series.size(), "seriesNames", seriesNames.size());
        for (double[][] xsAndYs : series) {
            if (xsAndYs == null || xsAndYs.length != 2) {
                throw new IllegalArgumentException("each series must be {xs, ys}");
            }
            Inputs.requireSameLength("a series' xs", xsAndYs[0].length, "its ys", xsAndYs[1].length);
        }
        SvgCanvas canvas = new SvgCanvas(title);
        double[] xData = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yData = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[][] xsAndYs : series) {
            for (int row : finitePairs(xsAndYs[0], xsAndYs[1])) {
                widen(xData, xsAndYs[0][row]);
                widen(yData, xsAndYs[1][row]);
            }
        }
        if (xData[0] > xData[1]) {
            canvas.noData();
            return canvas.finish();
        }

        NiceScale xScale = usable(xMin, xMax) ? NiceScale.covering(xMin, xMax) : NiceScale.covering(xData[0], xData[1]);
        NiceScale yScale = usable(yMin, yMax) ? NiceScale.covering(yMin, yMax) : NiceScale.covering(yData[0], yData[1]);
        canvas.plotAreaClip(CLIP_ID);
        canvas.axes(xScale, yScale, xTitle, yTitle);
        canvas.legend(seriesNames, false);
        for (int s = 0; s < series.size(); s++) {
            double[] xs = series.get(s)[0];
            double[] ys = series.get(s)[1];
            int[] finite = finitePairs(xs, ys);
            if (finite.length == 0) {
                continue;
            }
            double[] pixelXs = new double[finite.length];
            double[] pixelYs = new double[finite.length];
            for (int i = 0; i < finite.length; i++) {
                pixelXs[i] = SvgCanvas.x(xScale, xs[finite[i]]);
                pixelYs[i] = SvgCanvas.y(yScale, ys[finite[i]]);
            }
            canvas.polyline(pixelXs, pixelYs, finite.length, SvgCanvas.color(s), CLIP_ID);
        }
        return canvas.finish();
    }

    /** Rows {@code 0, n/k, 2n/k, ...}: spread over the whole input (which is often sorted by time), and the same every run. */
    static int[] evenlySpacedSample(int[] rows, int maximum) {
        if (rows.length <= maximum) {
            return rows;
        }
        int[] sample = new int[maximum];
        for (int i = 0; i < maximum; i++) {
            sample[i] = rows[(int) ((long) i * rows.length / maximum)];
        }
        return sample;
    }

    private static String scatterCaption(int pairs, int finite, int drawn) {
        String caption = "";
        if (drawn < finite) {
            caption = String.format(Locale.ROOT, "Showing an evenly spaced sample of %,d of %,d points.", drawn, finite);
        }
        if (finite < pairs) {
            caption += String.format(Locale.ROOT, "%s%,d points with a missing value left out.",
                    caption.isEmpty() ? "" : " ", pairs - finite);
        }
        return caption;
    }

    private static int[] finitePairs(double[] x, double[] y) {
        int count = 0;
        int[] rows = new int[x.length];
        for (int row = 0; row < x.length; row++) {
            if (Double.isFinite(x[row]) && Double.isFinite(y[row])) {
                rows[count++] = row;
            }
        }
        return Arrays.copyOf(rows, count);
    }

    private static double[] range(double[] values, int[] rows) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int row : rows) {
            widen(range, values[row]);
        }
        return range;
    }

    private static void widen(double[] range, double value) {
        range[0] = Math.min(range[0], value);
        range[1] = Math.max(range[1], value);
    }

    private static boolean usable(double min, double max) {
        return Double.isFinite(min) && Double.isFinite(max) && min < max;
    }
}
