package dev.flowbench.runner.batch;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The S3 side of browser-style POST uploads for the fake endpoint: parses the multipart form and accepts it only
 * when the policy's SigV4 signature is right for a trusted key, the policy has not expired, and the key and
 * bucket meet its conditions; plus ListObjectsV2's XML answer.
 */
final class S3Post {

    /** An accepted upload. */
    record Upload(String key, byte[] content) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private S3Post() {}

    /** The upload in {@code body}, or null when S3 would refuse it. */
    static Upload verify(String contentType, byte[] body, String bucket, Map<String, String> secretKeys) {
        Map<String, byte[]> form = parse(contentType, body);
        String policy = text(form, "policy");
        String credential = text(form, "x-amz-credential");
        String signature = text(form, "x-amz-signature");
        String key = text(form, "key");
        if (policy == null || credential == null || signature == null || key == null || !form.containsKey("file")) {
            return null;
        }
        String[] scope = credential.split("/");
        String secret = secretKeys.get(scope[0]);
        if (secret == null || scope.length != 5) {
            return null;
        }
        byte[] signing = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        signing = hmac(signing, scope[2]);
        signing = hmac(signing, scope[3]);
        signing = hmac(signing, scope[4]);
        if (!HexFormat.of().formatHex(hmac(signing, policy)).equals(signature)) {
            return null;
        }
        JsonNode document = JSON.readTree(Base64.getDecoder().decode(policy));
        if (Instant.parse(document.path("expiration").asString()).isBefore(Instant.now())) {
            return null;
        }
        for (JsonNode condition : document.path("conditions")) {
            if (condition.isArray() && condition.get(0).asString().equals("starts-with")) {
                if (condition.get(1).asString().equals("$key")
                        && !key.startsWith(condition.get(2).asString())) {
                    return null;
                }
            } else if (condition.has("bucket")
                    && !condition.get("bucket").asString().equals(bucket)) {
                return null;
            }
        }
        return new Upload(key, form.get("file"));
    }

    /** A ListObjectsV2 answer for {@code keys} under the query's prefix, URL-encoded when asked. */
    static String listing(String bucket, String query, List<String> keys, ToIntFunction<String> size) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(
                        eq < 0 ? pair : pair.substring(0, eq),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String prefix = params.getOrDefault("prefix", "");
        boolean encode = "url".equals(params.get("encoding-type"));
        List<String> matching =
                keys.stream().filter(k -> k.startsWith(prefix)).sorted().toList();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        xml.append("<Name>").append(bucket).append("</Name>");
        xml.append("<Prefix>").append(encode ? encode(prefix) : escape(prefix)).append("</Prefix>");
        xml.append("<KeyCount>").append(matching.size()).append("</KeyCount><MaxKeys>1000</MaxKeys>");
        if (encode) {
            xml.append("<EncodingType>url</EncodingType>");
        }
        xml.append("<IsTruncated>false</IsTruncated>");
        for (String key : matching) {
            xml.append("<Contents><Key>")
                    .append(encode ? encode(key) : escape(key))
                    .append("</Key><Size>")
                    .append(size.applyAsInt(key))
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        return xml.append("</ListBucketResult>").toString();
    }

    private static Map<String, byte[]> parse(String contentType, byte[] body) {
        Map<String, byte[]> form = new LinkedHashMap<>();
        if (contentType == null || !contentType.contains("boundary=")) {
            return form;
        }
        byte[] delimiter = ("--"
                        + contentType
                                .substring(contentType.indexOf("boundary=") + 9)
                                .replace("\"", ""))
                .getBytes(StandardCharsets.US_ASCII);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + delimiter.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
                starts.add(i);
                i += delimiter.length - 1;
            }
        }
        for (int p = 0; p + 1 < starts.size(); p++) {
            int from = starts.get(p) + delimiter.length + 2; // CRLF after the delimiter
            int to = starts.get(p + 1) - 2; // CRLF before the next one
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), from);
            if (headersEnd < 0 || headersEnd > to) {
                continue;
            }
            String headers = new String(body, from, headersEnd - from, StandardCharsets.UTF_8);
            int name = headers.indexOf("name=\"");
            if (name < 0) {
                continue;
            }
            String field = headers.substring(name + 6, headers.indexOf('"', name + 6));
            form.put(field, Arrays.copyOfRange(body, headersEnd + 4, to));
        }
        return form;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        for (int i = from; i + needle.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static String text(Map<String, byte[]> form, String name) {
        byte[] value = form.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
