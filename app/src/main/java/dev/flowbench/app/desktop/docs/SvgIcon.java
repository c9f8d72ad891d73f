package dev.flowbench.app.desktop.docs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Draws a plugin icon from its SVG text with JavaFX shapes: {@code rect}, {@code circle} and {@code path}
 * elements, fills and strokes (inherited from {@code g}), scaled from the {@code viewBox}. That covers the icons
 * plugins ship; anything unreadable yields empty so the caller shows a fallback.
 */
final class SvgIcon {
    private SvgIcon() {}

    static Optional<Node> render(String svg, double size) {
        if (svg == null || svg.isBlank()) {
            return Optional.empty();
        }
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            double[] box = viewBox(root);
            var group = new Group();
            children(root, group, new Style(Color.BLACK, null, 1));
            double scale = size / Math.max(box[2], box[3]);
            // Transforms apply last to first: move the view box to the origin, then scale from there.
            group.getTransforms().addAll(new Scale(scale, scale, 0, 0), new Translate(-box[0], -box[1]));
            return Optional.of(new Group(group));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private record Style(Paint fill, Paint stroke, double strokeWidth) {}

    private static void children(Element parent, Group into, Style inherited) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (!(nodes.item(i) instanceof Element element)) {
                continue;
            }
            Style style = style(element, inherited);
            Shape shape = switch (element.getTagName()) {
                case "rect" -> {
                    var rect = new Rectangle(
                            number(element, "x"),
                            number(element, "y"),
                            number(element, "width"),
                            number(element, "height"));
                    double rx = number(element, "rx");
                    rect.setArcWidth(rx * 2);
                    rect.setArcHeight(rx * 2);
                    yield rect;
                }
                case "circle" -> new Circle(number(element, "cx"), number(element, "cy"), number(element, "r"));
                case "path" -> {
                    var path = new SVGPath();
                    path.setContent(element.getAttribute("d"));
                    yield path;
                }
                case "g" -> {
                    var group = new Group();
                    children(element, group, style);
                    into.getChildren().add(group);
                    yield null;
                }
                default -> null;
            };
            if (shape != null) {
                shape.setFill(style.fill());
                shape.setStroke(style.stroke());
                shape.setStrokeWidth(style.strokeWidth());
                if ("round".equals(element.getAttribute("stroke-linecap"))) {
                    shape.setStrokeLineCap(StrokeLineCap.ROUND);
                }
                if ("round".equals(element.getAttribute("stroke-linejoin"))) {
                    shape.setStrokeLineJoin(StrokeLineJoin.ROUND);
                }
                into.getChildren().add(shape);
            }
        }
    }

    private static Style style(Element element, Style inherited) {
        Paint fill = element.hasAttribute("fill") ? paint(element.getAttribute("fill")) : inherited.fill();
        Paint stroke = element.hasAttribute("stroke") ? paint(element.getAttribute("stroke")) : inherited.stroke();
        double width = element.hasAttribute("stroke-width") ? number(element, "stroke-width") : inherited.strokeWidth();
        return new Style(fill, stroke, width);
    }

    private static Paint paint(String value) {
        return value.isBlank() || value.equals("none") ? null : Color.web(value);
    }

    private static double number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        return value.isBlank() ? 0 : Double.parseDouble(value);
    }

    private static double[] viewBox(Element root) {
        String box = root.getAttribute("viewBox");
        if (!box.isBlank()) {
            String[] parts = box.trim().split("[\\s,]+");
            return new double[] {
                Double.parseDouble(parts[0]),
                Double.parseDouble(parts[1]),
                Double.parseDouble(parts[2]),
                Double.parseDouble(parts[3])
            };
        }
        return new double[] {0, 0, number(root, "width"), number(root, "height")};
    }
}
