package io.switchboard.contact.external;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the external CRM over HTTP: one GET per lookup on the JDK's client, with a connect timeout, a timeout for
 * the answer's headers (the read timeout) and a bound on the whole exchange.
 */
final class ExternalCrmClient {

    /** An answer about one caller is a few kilobytes; anything this large is not one. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpClient http;
    private final UrlTemplate url;
    private final ResponseMapping mapping;
    private final Duration readTimeout;
    private final Duration exchangeTimeout;
    private final ExternalCrmProperties properties;

    ExternalCrmClient(ExternalCrmProperties properties) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.url = new UrlTemplate(properties.urlTemplate());
        this.mapping = new ResponseMapping(properties.source(), properties.mapping(), properties.maxRecords());
        this.readTimeout = properties.readTimeout();
        this.exchangeTimeout = properties.connectTimeout().plus(properties.readTimeout());
        this.properties = properties;
    }

    /** The lookup URL for logs, without its query string and without the caller's number. */
    String endpoint() {
        return url.redacted();
    }

    /**
     * The caller's records in the external CRM; empty when it has none (HTTP 404, 204 or no records).
     *
     * @throws LookupFailedException when it gives no usable answer, saying why
     */
    List<ExternalContact> lookup(ExternalQuery query) {
        HttpResponse<byte[]> response = exchange(request(query));
        int status = response.statusCode();
        if (status == 404 || status == 204) {
            return List.of();
        }
        if (status < 200 || status > 299) {
            throw new LookupFailedException(UnavailableReason.HTTP_STATUS, "it answered HTTP " + status);
        }
        return mapping.read(response.body());
    }

    private HttpRequest request(ExternalQuery query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.expand(query))
                .GET()
                .timeout(readTimeout)
                .header("Accept", "application/json");
        if (properties.authenticated()) {
            request.header(
                    properties.authHeader().strip(), properties.authValue().strip());
        }
        return request.build();
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(
                request,
                // Only a successful answer is read; any other body is dropped unread.
                info -> info.statusCode() / 100 == 2
                        ? new BoundedBody(MAX_BODY_BYTES)
                        : BodySubscribers.replacing(new byte[0]));
        try {
            return call.get(exchangeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new LookupFailedException(
                    UnavailableReason.TIMEOUT, "the exchange took longer than " + exchangeTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new LookupFailedException(UnavailableReason.TIMEOUT, "the lookup was interrupted");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private static LookupFailedException failure(Throwable cause) {
        if (cause instanceof LookupFailedException failed) {
            return failed;
        }
        if (cause instanceof HttpTimeoutException) {
            return new LookupFailedException(UnavailableReason.TIMEOUT, cause.getMessage());
        }
        if (cause instanceof IOException) {
            return new LookupFailedException(UnavailableReason.CONNECTION_FAILED, describe(cause));
        }
        return new LookupFailedException(UnavailableReason.CONNECTOR_ERROR, describe(cause), cause);
    }

    // Connection failures from the JDK client often have no message of their own, only a type.
    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank()
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + message;
    }
}
