package dev.flowbench.runner.kubernetes;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away certificate authority with one server and one client certificate, as PEM text. */
final class TestCertificates {

    final KeyPair caKeys = keys();
    final X509Certificate ca;
    final KeyPair serverKeys = keys();
    final X509Certificate server;
    final KeyPair clientKeys = keys();
    final X509Certificate client;

    /** A CA, a server certificate for localhost and 127.0.0.1, and a client certificate named {@code clientName}. */
    TestCertificates(String clientName) {
        try {
            ca = sign("CN=Flowbench Test CA", caKeys, "CN=Flowbench Test CA", caKeys.getPrivate(), true, false);
            server = sign("CN=localhost", serverKeys, "CN=Flowbench Test CA", caKeys.getPrivate(), false, true);
            client = sign("CN=" + clientName, clientKeys, "CN=Flowbench Test CA", caKeys.getPrivate(), false, false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String caPem() {
        return pem(ca);
    }

    String clientCertPem() {
        return pem(client);
    }

    /** The client key in PKCS#1 form ({@code BEGIN RSA PRIVATE KEY}), as kubeconfigs usually hold it. */
    String clientKeyPem() {
        return pem(clientKeys);
    }

    /** A TLS context presenting the server certificate and trusting only this CA's clients. */
    SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverKeys.getPrivate(), new char[0], new X509Certificate[] {server, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static X509Certificate sign(
            String subject, KeyPair keys, String issuer, PrivateKey issuerKey, boolean isCa, boolean isServer)
            throws Exception {
        long now = System.currentTimeMillis();
        var builder = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(now).add(BigInteger.valueOf(subject.hashCode() & 0xffff)),
                new Date(now - 60_000),
                new Date(now + 86_400_000L),
                new X500Name(subject),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isServer) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
        }
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
