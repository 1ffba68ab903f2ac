package dev.forkcast.ml.evaluation;

import java.util.List;

/**
 * Writes one SVG document by hand: a fixed 720 x 460 page with a plot area, axes, ticks, a legend and
 * the marks {@link SvgCharts} puts inside. All text goes through {@link #escape}, so a title such as
 * "RMSE &lt; 5 &amp; bias" cannot break the XML.
 */
final class SvgCanvas {

    static final int WIDTH = 720;
    static final int HEIGHT = 460;
    static final double PLOT_LEFT = 80;
    static final double PLOT_RIGHT = 690;
    static final double PLOT_TOP = 70;
    static final double PLOT_BOTTOM = 380;

    /** Distinguishable for most colour-blind readers (the Tableau 10 palette's first six). */
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};

    private final StringBuilder svg = new StringBuilder();

    SvgCanvas(String title) {
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
        // <title> is what screen readers and browser tooltips show; the <text> is what people see.
        svg.append("<title>").append(escape(title)).append("</title>\n");
        // A white page, so the chart stays readable on a README viewed in dark mode.
        svg.append("<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(WIDTH / 2.0, 28, "middle", "font-size=\"16\" font-weight=\"bold\"", title);
    }

    static String color(int series) {
        return PALETTE[series % PALETTE.length];
    }

    static double x(NiceScale scale, double value) {
        return PLOT_LEFT + scale.fraction(value) * (PLOT_RIGHT - PLOT_LEFT);
    }

    static double y(NiceScale scale, double value) {
        return PLOT_BOTTOM - scale.fraction(value) * (PLOT_BOTTOM - PLOT_TOP);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                // XML 1.0 forbids most control characters even when escaped; drop them.
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    void noData() {
        text((PLOT_LEFT + PLOT_RIGHT) / 2, (PLOT_TOP + PLOT_BOTTOM) / 2, "middle", "font-size=\"16\" fill=\"#888\"",
                "no data");
    }

    void axes(NiceScale xScale, NiceScale yScale, String xTitle, String yTitle) {
        for (NiceScale.Tick tick : xScale.ticks()) {
            xTick(x(xScale, tick.value()), tick.label());
        }
        yAxis(yScale, xTitle, yTitle);
    }

    /** The y axis with its ticks and grid, the axis lines and both axis titles; x ticks are the caller's. */
    void yAxis(NiceScale yScale, String xTitle, String yTitle) {
        for (NiceScale.Tick tick : yScale.ticks()) {
            double py = y(yScale, tick.value());
            // Light grid lines let the eye carry a value across the chart.
            line(PLOT_LEFT, py, PLOT_RIGHT, py, "#e5e5e5", false);
            line(PLOT_LEFT - 5, py, PLOT_LEFT, py, "#333", false);
            text(PLOT_LEFT - 8, py + 4, "end", "", tick.label());
        }
        line(PLOT_LEFT, PLOT_BOTTOM, PLOT_RIGHT, PLOT_BOTTOM, "#333", false);
        line(PLOT_LEFT, PLOT_TOP, PLOT_LEFT, PLOT_BOTTOM, "#333", false);
        text((PLOT_LEFT + PLOT_RIGHT) / 2, PLOT_BOTTOM + 42, "middle", "font-size=\"13\"", xTitle);
        double middle = (PLOT_TOP + PLOT_BOTTOM) / 2;
        svg.append("<text x=\"22\" y=\"").append(px(middle)).append("\" text-anchor=\"middle\" font-size=\"13\" ")
                .append("transform=\"rotate(-90 22 ").append(px(middle)).append(")\">").append(escape(yTitle))
                .append("</text>\n");
    }

    void xTick(double px, String label) {
        line(px, PLOT_BOTTOM, px, PLOT_BOTTOM + 5, "#333", false);
        text(px, PLOT_BOTTOM + 19, "middle", "", label);
    }

    void caption(String caption) {
        text(PLOT_LEFT, HEIGHT - 12, "start", "font-size=\"11\" fill=\"#666\"", caption);
    }

    /** A row of coloured swatches and names between the title and the plot. */
    void legend(List<String> names, boolean asBars) {
        double left = PLOT_LEFT;
        for (int series = 0; series < names.size(); series++) {
            String color = color(series);
            if (asBars) {
                svg.append("<rect class=\"legend\" x=\"").append(px(left)).append("\" y=\"42\" width=\"12\" height=\"12\" fill=\"")
                        .append(color).append("\"/>\n");
            } else {
                svg.append("<line class=\"legend\" x1=\"").append(px(left)).append("\" y1=\"48\" x2=\"").append(px(left + 14))
                        .append("\" y2=\"48\" stroke=\"").append(color).append("\" stroke-width=\"3\"/>\n");
            }
            text(left + 18, 52, "start", "", names.get(series));
            // About 7 pixels per character at 12px sans-serif: close enough to keep names apart.
            left += 18 + 7 * escape(names.get(series)).length() + 20;
        }
    }

    void beginGroup(String attributes) {
        svg.append("<g ").append(attributes).append(">\n");
    }

    void endGroup() {
        svg.append("</g>\n");
    }

    void circle(double cx, double cy) {
        svg.append("<circle cx=\"").append(px(cx)).append("\" cy=\"").append(px(cy)).append("\" r=\"2.5\"/>\n");
    }

    void bar(double x, double y, double width, double height, String color) {
        svg.append("<rect class=\"bar\" x=\"").append(px(x)).append("\" y=\"").append(px(y)).append("\" width=\"")
                .append(px(width)).append("\" height=\"").append(px(height)).append("\" fill=\"").append(color)
                .append("\"/>\n");
    }

    void line(double x1, double y1, double x2, double y2, String color, boolean dashed) {
        svg.append("<line x1=\"").append(px(x1)).append("\" y1=\"").append(px(y1)).append("\" x2=\"").append(px(x2))
                .append("\" y2=\"").append(px(y2)).append("\" stroke=\"").append(color).append('"')
                .append(dashed ? " stroke-dasharray=\"6 4\"" : "").append("/>\n");
    }

    void polyline(double[] xs, double[] ys, int count, String color, String clipPathId) {
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" clip-path=\"url(#")
                .append(clipPathId).append(")\" points=\"");
        for (int i = 0; i < count; i++) {
            svg.append(i == 0 ? "" : " ").append(px(xs[i])).append(',').append(px(ys[i]));
        }
        svg.append("\"/>\n");
    }

    /** Marks drawn with {@code clip-path="url(#id)"} are cut off at the plot area's edge. */
    void plotAreaClip(String id) {
        svg.append("<defs><clipPath id=\"").append(id).append("\"><rect x=\"").append(px(PLOT_LEFT)).append("\" y=\"")
                .append(px(PLOT_TOP)).append("\" width=\"").append(px(PLOT_RIGHT - PLOT_LEFT)).append("\" height=\"")
                .append(px(PLOT_BOTTOM - PLOT_TOP)).append("\"/></clipPath></defs>\n");
    }

    String finish() {
        return svg.append("</svg>\n").toString();
    }

    private void text(double x, double y, String anchor, String attributes, String content) {
        svg.append("<text x=\"").append(px(x)).append("\" y=\"").append(px(y)).append("\" text-anchor=\"").append(anchor)
                .append('"').append(attributes.isEmpty() ? "" : " " + attributes).append('>').append(escape(content))
                .append("</text>\n");
    }

    /** One decimal is finer than any screen shows, and keeps a 4,000-point scatter small. */
    private static String px(double value) {
        return Double.toString(Math.round(value * 10) / 10.0);
    }
}
