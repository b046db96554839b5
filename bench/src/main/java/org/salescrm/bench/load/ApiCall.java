package org.salescrm.bench.load;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** One kind of request of a row (create-visit, get-customer, create-customer): each call builds a fresh one. */
@FunctionalInterface
public interface ApiCall {

    Future<HttpResponse<Buffer>> send(WebClient client);

    static Future<HttpResponse<Buffer>> json(WebClient client, HttpMethod method, String url, String token, String body) {
        var request = client.requestAbs(method, url).putHeader("Authorization", "Bearer " + token);
        if (body == null) {
            return request.send();
        }
        return request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body));
    }
}
