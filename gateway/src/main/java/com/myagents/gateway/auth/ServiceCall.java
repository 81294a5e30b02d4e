package com.myagents.gateway.auth;

import com.myagents.http.identity.Principal;

/**
 * A call whose service assertion verified: which client sent it, on behalf of whom.
 *
 * @param client    issuer of the assertion ({@code cp-backend} or {@code pp-backend})
 * @param principal the customer, operator or service the client vouches for
 */
public record ServiceCall(String client, Principal principal) {

    /** Request attribute holding the verified {@link ServiceCall}. */
    public static final String ATTRIBUTE = ServiceCall.class.getName();
}
