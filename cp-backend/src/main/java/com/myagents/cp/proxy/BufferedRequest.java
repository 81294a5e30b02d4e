package com.myagents.cp.proxy;

import com.myagents.http.body.InMemoryBodyRequest;
import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request whose body has been read (to be checked) and can be read again (to be forwarded), so a
 * controller can inspect a body and still hand the request to the {@link GatewayDoor} unchanged.
 */
public final class BufferedRequest extends InMemoryBodyRequest {

    private BufferedRequest(HttpServletRequest request, byte[] body) {
        super(request, body);
    }

    /** @throws ApiProblem 413 when the body is longer than {@code maxBytes}, 400 when it cannot be read */
    public static BufferedRequest of(HttpServletRequest request, long maxBytes) {
        return new BufferedRequest(request, readAtMost(request, maxBytes));
    }
}
