package com.myagents.http.body;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.myagents.http.problem.ApiProblem;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The caller's request with a body already in memory: it can be read as often as needed (checked,
 * then forwarded), and its length is the length of these bytes.
 */
public class InMemoryBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    public InMemoryBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * The request's body, read whole but never more than {@code maxBytes}.
     *
     * @throws ApiProblem 413 when the body is longer than {@code maxBytes}, 400 when it cannot be read
     */
    public static byte[] readAtMost(HttpServletRequest request, long maxBytes) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            byte[] bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new ApiProblem(400, "unreadable-body", "Bad Request", "the request body could not be read", Map.of());
        }
    }

    public byte[] body() {
        return body.clone();
    }

    @Override
    public ServletInputStream getInputStream() {
        return new BytesInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    private static ApiProblem tooLarge(long maxBytes) {
        return ApiProblem.payloadTooLarge("the request body is larger than " + maxBytes + " bytes");
    }

    /** A servlet input stream over bytes already in memory. */
    static final class BytesInputStream extends ServletInputStream {

        private final ByteArrayInputStream bytes;

        BytesInputStream(byte[] body) {
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is already in memory");
        }
    }
}
