import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Renders an icon's SVG source into the raster files the installers need: PNGs of every size, a Windows
 * {@code .ico} and a macOS {@code .icns}. Run at build time with the JDK alone ({@code java RenderIcons.java
 * SVG OUT_DIR NAME}), so no rendered binary is ever committed.
 *
 * <p>It draws the subset of SVG Flowbench's icons are written in: {@code rect} (with {@code rx}), {@code
 * circle} and {@code path} (M, L, H, V, C, S, Q, Z, absolute and relative), each with {@code fill}, {@code stroke},
 * {@code stroke-width}, {@code stroke-linecap} and {@code stroke-linejoin}. Anything else fails the build with
 * one line naming it, rather than producing a wrong icon silently.
 */
public final class RenderIcons {
    private static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    private static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 256};
    private static final Map<String, Integer> ICNS_TYPES = new LinkedHashMap<>();

    static {
        // Types whose payload may be PNG data (macOS 10.7 and later).
        ICNS_TYPES.put("icp4", 16);
        ICNS_TYPES.put("icp5", 32);
        ICNS_TYPES.put("icp6", 64);
        ICNS_TYPES.put("ic07", 128);
        ICNS_TYPES.put("ic08", 256);
        ICNS_TYPES.put("ic09", 512);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java RenderIcons.java ICON.svg OUT_DIR NAME");
            System.exit(2);
        }
        Path svg = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String name = args[2];
        Files.createDirectories(out);
        Element root = DocumentBuilderFactory.newDefaultInstance()
                .newDocumentBuilder()
                .parse(svg.toFile())
                .getDocumentElement();
        double[] viewBox = parseNumbers(root.getAttribute("viewBox"));
        if (viewBox.length != 4) {
            fail(svg + ": the root element needs a viewBox of four numbers");
        }
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            byte[] png = png(render(root, viewBox, size));
            pngs.put(size, png);
            Files.write(out.resolve(name + "-" + size + ".png"), png);
        }
        Files.write(out.resolve(name + ".png"), pngs.get(256));
        Files.write(out.resolve(name + ".ico"), ico(pngs));
        Files.write(out.resolve(name + ".icns"), icns(pngs));
        System.out.println("rendered " + svg.getFileName() + " to " + PNG_SIZES.length + " PNG sizes, .ico and .icns");
    }

    static BufferedImage render(Element root, double[] viewBox, int size) {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.transform(AffineTransform.getScaleInstance(size / viewBox[2], size / viewBox[3]));
        g.translate(-viewBox[0], -viewBox[1]);
        drawChildren(g, root);
        g.dispose();
        return image;
    }

    private static void drawChildren(Graphics2D g, Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                switch (e.getTagName()) {
                    case "title", "desc" -> {}
                    case "g" -> drawChildren(g, e);
                    case "rect" -> paint(g, e, rect(e));
                    case "circle" -> paint(g, e, circle(e));
                    case "path" -> paint(g, e, path(e.getAttribute("d")));
                    default -> fail("unsupported SVG element <" + e.getTagName() + ">");
                }
            }
        }
    }

    private static Shape rect(Element e) {
        double rx = number(e, "rx", 0);
        return new RoundRectangle2D.Double(
                number(e, "x", 0), number(e, "y", 0), number(e, "width", 0), number(e, "height", 0), 2 * rx, 2 * rx);
    }

    private static Shape circle(Element e) {
        double r = number(e, "r", 0);
        return new Ellipse2D.Double(number(e, "cx", 0) - r, number(e, "cy", 0) - r, 2 * r, 2 * r);
    }

    private static void paint(Graphics2D g, Element e, Shape shape) {
        String fill = attribute(e, "fill", "#000");
        if (!fill.equals("none")) {
            g.setColor(color(fill));
            g.fill(shape);
        }
        String stroke = attribute(e, "stroke", "none");
        if (!stroke.equals("none")) {
            int cap =
                    switch (attribute(e, "stroke-linecap", "butt")) {
                        case "round" -> BasicStroke.CAP_ROUND;
                        case "square" -> BasicStroke.CAP_SQUARE;
                        default -> BasicStroke.CAP_BUTT;
                    };
            int join =
                    switch (attribute(e, "stroke-linejoin", "miter")) {
                        case "round" -> BasicStroke.JOIN_ROUND;
                        case "bevel" -> BasicStroke.JOIN_BEVEL;
                        default -> BasicStroke.JOIN_MITER;
                    };
            g.setColor(color(stroke));
            g.setStroke(new BasicStroke((float) number(e, "stroke-width", 1), cap, join, 4));
            g.draw(shape);
        }
    }

    private static final Pattern PATH_TOKEN = Pattern.compile("[MmLlHhVvCcSsQqZz]|-?(?:\\d+\\.?\\d*|\\.\\d+)(?:e-?\\d+)?");

    static Path2D path(String d) {
        List<String> tokens = new ArrayList<>();
        Matcher m = PATH_TOKEN.matcher(d);
        int end = 0;
        while (m.find()) {
            if (!d.substring(end, m.start()).isBlank() && !d.substring(end, m.start()).strip().equals(",")) {
                fail("unsupported path data near \"" + d.substring(end, Math.min(d.length(), end + 12)) + "\"");
            }
            tokens.add(m.group());
            end = m.end();
        }
        var path = new Path2D.Double();
        double x = 0, y = 0, startX = 0, startY = 0;
        double controlX = 0, controlY = 0; // the last cubic control point, reflected by S
        char command = 'M';
        char lastDrawn = 'M';
        int i = 0;
        while (i < tokens.size()) {
            if (Character.isLetter(tokens.get(i).charAt(0))) {
                command = tokens.get(i++).charAt(0);
                if (command == 'Z' || command == 'z') {
                    path.closePath();
                    x = startX;
                    y = startY;
                    continue;
                }
            }
            char previous = lastDrawn;
            lastDrawn = command;
            boolean rel = Character.isLowerCase(command);
            double ox = rel ? x : 0, oy = rel ? y : 0;
            switch (Character.toUpperCase(command)) {
                case 'M' -> {
                    x = ox + num(tokens, i++);
                    y = oy + num(tokens, i++);
                    path.moveTo(x, y);
                    startX = x;
                    startY = y;
                    command = rel ? 'l' : 'L'; // further pairs are implicit line-tos
                }
                case 'L' -> {
                    x = ox + num(tokens, i++);
                    y = oy + num(tokens, i++);
                    path.lineTo(x, y);
                }
                case 'H' -> {
                    x = ox + num(tokens, i++);
                    path.lineTo(x, y);
                }
                case 'V' -> {
                    y = oy + num(tokens, i++);
                    path.lineTo(x, y);
                }
                case 'C' -> {
                    double x1 = ox + num(tokens, i++), y1 = oy + num(tokens, i++);
                    double x2 = ox + num(tokens, i++), y2 = oy + num(tokens, i++);
                    x = ox + num(tokens, i++);
                    y = oy + num(tokens, i++);
                    path.curveTo(x1, y1, x2, y2, x, y);
                    controlX = x2;
                    controlY = y2;
                }
                case 'S' -> {
                    boolean afterCurve = i > 0 && "CcSs".indexOf(previous) >= 0;
                    double x1 = afterCurve ? 2 * x - controlX : x, y1 = afterCurve ? 2 * y - controlY : y;
                    double x2 = ox + num(tokens, i++), y2 = oy + num(tokens, i++);
                    x = ox + num(tokens, i++);
                    y = oy + num(tokens, i++);
                    path.curveTo(x1, y1, x2, y2, x, y);
                    controlX = x2;
                    controlY = y2;
                }
                case 'Q' -> {
                    double x1 = ox + num(tokens, i++), y1 = oy + num(tokens, i++);
                    x = ox + num(tokens, i++);
                    y = oy + num(tokens, i++);
                    path.quadTo(x1, y1, x, y);
                }
                default -> fail("unsupported path command " + command);
            }
        }
        return path;
    }

    private static double num(List<String> tokens, int i) {
        if (i >= tokens.size() || Character.isLetter(tokens.get(i).charAt(0))) {
            fail("path data ends where a number was expected");
        }
        return Double.parseDouble(tokens.get(i));
    }

    private static Color color(String value) {
        String hex = value.startsWith("#") ? value.substring(1) : "";
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        if (!hex.matches("[0-9a-fA-F]{6}")) {
            fail("unsupported colour \"" + value + "\" (write #rgb or #rrggbb)");
        }
        return new Color(Integer.parseInt(hex, 16));
    }

    private static String attribute(Element e, String name, String fallback) {
        String value = e.getAttribute(name);
        return value.isEmpty() ? fallback : value.strip();
    }

    private static double number(Element e, String name, double fallback) {
        String value = e.getAttribute(name);
        return value.isEmpty() ? fallback : Double.parseDouble(value.strip());
    }

    private static double[] parseNumbers(String text) {
        String[] parts = text.strip().split("[\\s,]+");
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Double.parseDouble(parts[i]);
        }
        return numbers;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** A Windows icon whose entries are PNG images (supported since Windows Vista). */
    private static byte[] ico(Map<Integer, byte[]> pngs) {
        int count = ICO_SIZES.length;
        int offset = 6 + 16 * count;
        int total = offset;
        for (int size : ICO_SIZES) {
            total += pngs.get(size).length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) 0).putShort((short) 1).putShort((short) count);
        for (int size : ICO_SIZES) {
            byte[] png = pngs.get(size);
            buffer.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            buffer.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            buffer.putInt(png.length).putInt(offset);
            offset += png.length;
        }
        for (int size : ICO_SIZES) {
            buffer.put(pngs.get(size));
        }
        return buffer.array();
    }

    /** A macOS icon family whose entries are PNG images. */
    private static byte[] icns(Map<Integer, byte[]> pngs) throws IOException {
        var body = new ByteArrayOutputStream();
        var out = new DataOutputStream(body);
        for (var entry : ICNS_TYPES.entrySet()) {
            byte[] png = pngs.get(entry.getValue());
            out.writeBytes(entry.getKey());
            out.writeInt(8 + png.length);
            out.write(png);
        }
        var file = new ByteArrayOutputStream();
        var header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        body.writeTo(file);
        return file.toByteArray();
    }

    private static void fail(String message) {
        System.err.println("RenderIcons: " + message);
        System.exit(1);
    }
}
