package dev.flowbench.runner.batch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * How the job uploads its output files without any AWS tool in its image: an S3 POST policy (SigV4, the form
 * browsers use) limited to the run's {@code outputs/} prefix, which {@code wget --post-file} or {@code curl} can
 * send. The form fields travel to the job as environment variables.
 */
final class OutputUpload {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private OutputUpload() {}

    /**
     * The environment variables of a POST upload into {@code bucket} under {@code prefix}, valid until {@code
     * expires}: the URL, the key prefix and the signed form fields.
     */
    static Map<String, String> variables(
            URI endpoint,
            String region,
            String bucket,
            String prefix,
            AwsCredentialsIdentity credentials,
            Instant now,
            Instant expires) {
        String date = DATE.format(now);
        String credential = credentials.accessKeyId() + "/" + date + "/" + region + "/s3/aws4_request";
        String amzDate = STAMP.format(now);
        String token = credentials instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null;
        StringBuilder policy = new StringBuilder("{\"expiration\":\"")
                .append(DateTimeFormatter.ISO_INSTANT.format(
                        expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
                .append("\",\"conditions\":[{\"bucket\":\"")
                .append(json(bucket))
                .append("\"},[\"starts-with\",\"$key\",\"")
                .append(json(prefix))
                .append("\"],{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"},{\"x-amz-credential\":\"")
                .append(json(credential))
                .append("\"},{\"x-amz-date\":\"")
                .append(amzDate)
                .append("\"}");
        if (token != null) {
            policy.append(",{\"x-amz-security-token\":\"").append(json(token)).append("\"}");
        }
        policy.append("]}");
        String encoded = Base64.getEncoder().encodeToString(policy.toString().getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("FLOWBENCH_S3_URL", url(endpoint, region, bucket));
        variables.put("FLOWBENCH_S3_PREFIX", prefix);
        variables.put("FLOWBENCH_S3_CREDENTIAL", credential);
        variables.put("FLOWBENCH_S3_DATE", amzDate);
        variables.put("FLOWBENCH_S3_POLICY", encoded);
        variables.put("FLOWBENCH_S3_SIGNATURE", HexFormat.of().formatHex(hmac(key, encoded)));
        if (token != null) {
            variables.put("FLOWBENCH_S3_TOKEN", token);
        }
        return variables;
    }

    /** The bucket's POST URL: path style under an endpoint override, virtual-hosted style on AWS. */
    static String url(URI endpoint, String region, String bucket) {
        if (endpoint != null) {
            String base = endpoint.toString();
            return (base.endsWith("/") ? base : base + "/") + bucket;
        }
        return "https://" + bucket + ".s3." + region + ".amazonaws.com/";
    }

    /** The shell function {@code upload FILE KEY} the job's wrapper uses. */
    static String shellFunction() {
        return """
                field() { printf -- '--%s\\r\\nContent-Disposition: form-data; name="%s"\\r\\n\\r\\n%s\\r\\n' "$b" "$1" "$2"; }
                upload() {
                  b=flowbench-boundary-$$
                  {
                    field key "$2"
                    field x-amz-algorithm AWS4-HMAC-SHA256
                    field x-amz-credential "$FLOWBENCH_S3_CREDENTIAL"
                    field x-amz-date "$FLOWBENCH_S3_DATE"
                    if [ -n "$FLOWBENCH_S3_TOKEN" ]; then field x-amz-security-token "$FLOWBENCH_S3_TOKEN"; fi
                    field policy "$FLOWBENCH_S3_POLICY"
                    field x-amz-signature "$FLOWBENCH_S3_SIGNATURE"
                    printf -- '--%s\\r\\nContent-Disposition: form-data; name="file"; filename="file"\\r\\nContent-Type: application/octet-stream\\r\\n\\r\\n' "$b"
                    cat "$1"
                    printf -- '\\r\\n--%s--\\r\\n' "$b"
                  } > /tmp/flowbench-upload || return 1
                  if command -v curl >/dev/null 2>&1; then
                    curl -fsS -o /dev/null -H "Content-Type: multipart/form-data; boundary=$b" --data-binary @/tmp/flowbench-upload "$FLOWBENCH_S3_URL"
                  else
                    wget -q -O /dev/null --header "Content-Type: multipart/form-data; boundary=$b" --post-file /tmp/flowbench-upload "$FLOWBENCH_S3_URL"
                  fi
                }
                """;
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
