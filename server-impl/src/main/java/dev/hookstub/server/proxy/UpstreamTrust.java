package dev.hookstub.server.proxy;

import dev.hookstub.server.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which certificates an HTTPS upstream may present: those the JDK's trust store vouches for, and, with
 * {@code --upstream-ca FILE}, those a private certificate authority issued (a company's sandbox, a test's own).
 */
final class UpstreamTrust {

    private UpstreamTrust() {
    }

    static SSLContext context(Path certificateAuthority) {
        try {
            if (certificateAuthority == null) {
                return SSLContext.getDefault();
            }
            X509TrustManager jdk = manager(null);
            X509TrustManager own = manager(store(certificateAuthority));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Either(own, jdk)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cannot set up TLS to the upstream: " + e.getMessage());
        }
    }

    /** The certificates of a PEM or DER file, each trusted. */
    private static KeyStore store(Path file) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new ConfigException("--upstream-ca " + file + ": cannot read (" + e.getMessage() + ")");
        } catch (CertificateException e) {
            throw new ConfigException("--upstream-ca " + file + ": not an X.509 certificate in PEM or DER ("
                    + e.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw new ConfigException("--upstream-ca " + file + ": holds no certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("upstream-ca-" + i++, certificate);
        }
        return store;
    }

    /** The trust manager of a key store; of the JDK's own trust store for null. */
    private static X509TrustManager manager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
    }

    /**
     * Trusts what either trusts: the private authority first, then the JDK's store. The JDK checks the host name
     * around it, as for any trust manager, so a certificate for another host is still refused.
     */
    private record Either(X509TrustManager first, X509TrustManager second) implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the proxy presents no client certificate and checks none");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException notOurs) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Arrays.stream(first.getAcceptedIssuers()), Arrays.stream(second.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
