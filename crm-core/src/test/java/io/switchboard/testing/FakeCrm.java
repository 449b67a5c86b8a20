package io.switchboard.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A WireMock server on 127.0.0.1 standing in for an external CRM. */
public final class FakeCrm {

    private FakeCrm() {}

    /**
     * Starts a server on a free port and sends it one request, so that the first lookup a test times does not also
     * pay for loading the JDK's HTTP client and warming up the server (over a second on a busy machine).
     */
    public static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url(server, "/__admin/health")))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException("WireMock did not answer on " + server.port(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return server;
    }

    /** {@code http://127.0.0.1:port} followed by the path (never {@code localhost}, which may resolve to ::1). */
    public static String url(WireMockServer server, String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
