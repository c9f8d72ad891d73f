package dev.flowbench.runner.batch;

import dev.flowbench.runner.RunnerException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The AWS clients of one run, sharing one HTTP client, credentials, region and optional endpoint: static
 * credentials from {@code accessKeyId}/{@code secretKeyId}/{@code sessionToken}, else the default provider
 * chain. Close it when the run ends.
 */
final class AwsClients implements AutoCloseable {

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpoint;
    private BatchClient batch;
    private CloudWatchLogsClient logs;
    private S3Client s3;
    private S3Presigner presigner;

    AwsClients(BatchRunner runner) {
        if (runner.region() == null || runner.region().isBlank()) {
            throw new RunnerException("the Batch runner needs a region, e.g. us-east-1");
        }
        this.region = Region.of(runner.region().strip());
        this.credentials = credentials(runner);
        this.endpoint = endpoint(runner.endpointOverride());
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }

    /** Static credentials when {@code accessKeyId} is set, else the default chain (environment, profile, role). */
    static AwsCredentialsProvider credentials(BatchRunner runner) {
        if (runner.accessKeyId() == null || runner.accessKeyId().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        if (runner.secretKeyId() == null || runner.secretKeyId().isBlank()) {
            throw new RunnerException("the Batch runner has an accessKeyId but no secretKeyId");
        }
        if (runner.sessionToken() != null && !runner.sessionToken().isBlank()) {
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    runner.accessKeyId().strip(),
                    runner.secretKeyId().strip(),
                    runner.sessionToken().strip()));
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                runner.accessKeyId().strip(), runner.secretKeyId().strip()));
    }

    private static URI endpoint(String endpointOverride) {
        if (endpointOverride == null || endpointOverride.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(endpointOverride.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new RunnerException(
                    "endpointOverride '" + endpointOverride + "' is not a URL such as" + " https://batch.example.com");
        }
    }

    /** The endpoint override, or null for AWS itself. */
    URI endpoint() {
        return endpoint;
    }

    /** The region's id, e.g. {@code us-east-1}. */
    String region() {
        return region.id();
    }

    /** The credentials the clients sign with, resolved now (for the output files' POST policy). */
    software.amazon.awssdk.identity.spi.AwsCredentialsIdentity identity() {
        return credentials.resolveCredentials();
    }

    synchronized BatchClient batch() {
        if (batch == null) {
            var builder = BatchClient.builder()
                    .httpClient(http)
                    .credentialsProvider(credentials)
                    .region(region);
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            batch = builder.build();
        }
        return batch;
    }

    synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            var builder = CloudWatchLogsClient.builder()
                    .httpClient(http)
                    .credentialsProvider(credentials)
                    .region(region);
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            logs = builder.build();
        }
        return logs;
    }

    synchronized S3Client s3() {
        if (s3 == null) {
            var builder = S3Client.builder()
                    .httpClient(http)
                    .credentialsProvider(credentials)
                    .region(region)
                    // Plain bodies: S3-compatible stores do not all read aws-chunked uploads with trailers.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
            if (endpoint != null) {
                builder.endpointOverride(endpoint).forcePathStyle(true);
            }
            s3 = builder.build();
        }
        return s3;
    }

    synchronized S3Presigner presigner() {
        if (presigner == null) {
            var builder = S3Presigner.builder().credentialsProvider(credentials).region(region);
            if (endpoint != null) {
                builder.endpointOverride(endpoint)
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build());
            }
            presigner = builder.build();
        }
        return presigner;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : new AutoCloseable[] {batch, logs, s3, presigner}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // closing a client frees its resources; nothing to report
                }
            }
        }
        http.close();
    }
}
