package dev.forkcast.ml.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgChartsTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void aScatterIsAStandaloneSvgDocument() throws Exception {
        String svg = SvgCharts.scatter("Predicted vs actual", "predicted minutes", "actual minutes",
                new double[] {20, 30}, new double[] {22, 27}, true);

        Element root = parse(svg).getDocumentElement();

        assertEquals("svg", root.getLocalName());
        assertEquals(SVG, root.getNamespaceURI());
        assertEquals("720", root.getAttribute("width"));
        assertEquals("460", root.getAttribute("height"));
        assertEquals("0 0 720 460", root.getAttribute("viewBox"));
    }

    @Test
    void titlesSurviveCharactersThatXmlReserves() throws Exception {
        String title = "RMSE < 5 & \"bias\" > 0, isn't it";

        String svg = SvgCharts.scatter(title, "x <min>", "y & z", new double[] {1, 2}, new double[] {1, 2}, false);

        Document document = parse(svg);
        assertEquals(title, document.getElementsByTagNameNS(SVG, "title").item(0).getTextContent());
        assertTrue(texts(document).containsAll(List.of(title, "x <min>", "y & z")), texts(document).toString());
        assertTrue(svg.contains("RMSE &lt; 5 &amp; &quot;bias&quot; &gt; 0, isn&apos;t it"), svg);
    }

    @Test
    void aScatterDrawsOneCirclePerPointAndTheDiagonal() throws Exception {
        double[] predicted = {12, 18, 25, 31, 40, 22, 35};
        double[] actual = {14, 17, 29, 30, 47, 20, 33};

        Document document = parse(SvgCharts.scatter("t", "predicted", "actual", predicted, actual, true));

        assertEquals(7, count(document, "circle"));
        assertEquals(1, elementsWith(document, "line", "stroke-dasharray").size());
    }

    @Test
    void aScatterOfMoreThan4000PointsDrawsAnEvenSampleAndSaysSo() throws Exception {
        double[] x = new double[10_000];
        double[] y = new double[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 60;
            y[i] = (i * 7) % 60;
        }

        String svg = SvgCharts.scatter("t", "x", "y", x, y, false);

        Document document = parse(svg);
        assertEquals(4_000, count(document, "circle"));
        assertTrue(texts(document).contains("Showing an evenly spaced sample of 4,000 of 10,000 points."),
                texts(document).toString());
        assertEquals(svg, SvgCharts.scatter("t", "x", "y", x, y, false));
    }

    @Test
    void theSampleTakesEveryNthRowAcrossTheWholeInput() {
        int[] rows = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        int[] sample = SvgCharts.evenlySpacedSample(rows, 4);

        assertEquals(List.of(0, 2, 5, 7), Arrays.stream(sample).boxed().toList());
    }

    @Test
    void axesHaveFourToSixRoundTickLabels() throws Exception {
        Document document = parse(SvgCharts.scatter("t", "predicted", "actual",
                new double[] {3, 47}, new double[] {5, 44}, true));

        List<String> labels = texts(document);

        // Both axes share 0..50 because of the diagonal: each label appears once per axis.
        for (String tick : List.of("0", "10", "20", "30", "40", "50")) {
            assertEquals(2, labels.stream().filter(tick::equals).count(), tick + " in " + labels);
        }
    }

    @Test
    void groupedBarsDrawOneRectanglePerBarAndALegend() throws Exception {
        List<String> hours = List.of("11", "12", "13");
        double[] modelRmse = {4.1, 5.3, 4.4};
        double[] bestRmse = {3.2, 3.9, 3.6};

        Document document = parse(SvgCharts.bars("RMSE by hour", "hour", "RMSE (minutes)", hours,
                List.of(modelRmse, bestRmse), List.of("model", "best possible")));

        assertEquals(6, elementsWith(document, "rect", "class", "bar").size());
        assertEquals(2, elementsWith(document, "rect", "class", "legend").size());
        assertTrue(texts(document).containsAll(List.of("11", "12", "13", "model", "best possible")));
    }

    @Test
    void aMissingBarLeavesAGap() throws Exception {
        Document document = parse(SvgCharts.bars("t", "hour", "RMSE", List.of("3", "4"),
                List.of(new double[] {4.0, 5.0}, new double[] {Double.NaN, 3.0}), List.of("model", "best")));

        assertEquals(3, elementsWith(document, "rect", "class", "bar").size());
    }

    @Test
    void aNegativeBarHangsBelowTheZeroLine() throws Exception {
        Document document = parse(SvgCharts.bars("Bias by hour", "hour", "bias (minutes)", List.of("1", "2"),
                List.of(new double[] {2.0, -2.0}), List.of("model")));

        List<Element> bars = elementsWith(document, "rect", "class", "bar");
        double positiveBottom = Double.parseDouble(bars.get(0).getAttribute("y"))
                + Double.parseDouble(bars.get(0).getAttribute("height"));
        double negativeTop = Double.parseDouble(bars.get(1).getAttribute("y"));
        assertEquals(positiveBottom, negativeTop);
        assertEquals(bars.get(0).getAttribute("height"), bars.get(1).getAttribute("height"));
    }

    @Test
    void linesDrawOnePolylinePerSeries() throws Exception {
        double[][] model = {{0, 0.5, 1}, {1, 0.8, 0.3}};
        double[][] perfect = {{0, 1, 1}, {1, 1, 0.1}};

        Document document = parse(SvgCharts.lines("PR curve", "recall", "precision", List.of(model, perfect),
                List.of("model", "perfect ranking"), 0, 1, 0, 1));

        NodeList polylines = document.getElementsByTagNameNS(SVG, "polyline");
        assertEquals(2, polylines.getLength());
        assertEquals("80.0,70.0 385.0,132.0 690.0,287.0", ((Element) polylines.item(0)).getAttribute("points"));
        assertTrue(texts(document).containsAll(List.of("model", "perfect ranking", "0", "0.2", "1")));
    }

    @Test
    void emptyInputSaysNoDataInsteadOfFailing() throws Exception {
        Document scatter = parse(SvgCharts.scatter("t", "x", "y", new double[0], new double[0], true));
        Document bars = parse(SvgCharts.bars("t", "x", "y", List.of(), List.of(), List.of()));
        Document lines = parse(SvgCharts.lines("t", "x", "y", List.of(), List.of(), 0, 1, 0, 1));

        for (Document document : List.of(scatter, bars, lines)) {
            assertTrue(texts(document).contains("no data"), texts(document).toString());
        }
    }

    @Test
    void nanPointsAreLeftOutAndCounted() throws Exception {
        double[] x = {10, Double.NaN, 30};
        double[] y = {12, 20, Double.NaN};

        Document document = parse(SvgCharts.scatter("t", "x", "y", x, y, false));

        assertEquals(1, count(document, "circle"));
        assertTrue(texts(document).contains("2 points with a missing value left out."), texts(document).toString());
    }

    @Test
    void onlyNanValuesSayNoData() throws Exception {
        double[] nothing = {Double.NaN, Double.NaN};

        Document document = parse(SvgCharts.scatter("t", "x", "y", nothing, nothing, true));

        assertEquals(0, count(document, "circle"));
        assertTrue(texts(document).contains("no data"));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static int count(Document document, String element) {
        return document.getElementsByTagNameNS(SVG, element).getLength();
    }

    private static List<String> texts(Document document) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static List<Element> elementsWith(Document document, String element, String attribute) {
        return elementsWith(document, element, attribute, null);
    }

    private static List<Element> elementsWith(Document document, String element, String attribute, String value) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, element);
        List<Element> matching = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element each = (Element) nodes.item(i);
            if (each.hasAttribute(attribute) && (value == null || value.equals(each.getAttribute(attribute)))) {
                matching.add(each);
            }
        }
        return matching;
    }
}
