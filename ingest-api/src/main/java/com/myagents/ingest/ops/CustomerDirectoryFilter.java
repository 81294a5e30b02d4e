package com.myagents.ingest.ops;

import java.io.IOException;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.myagents.http.identity.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs after the identity filter: a call by a verified customer records that customer's email
 * and display name (when the identity carries one) in the {@link CustomerDirectory}. The directory never decides anything, so a failed write is
 * logged and the customer's call goes on.
 */
public class CustomerDirectoryFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CustomerDirectoryFilter.class);

    private final CustomerDirectory directory;

    public CustomerDirectoryFilter(CustomerDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(Principal.ATTRIBUTE) instanceof Principal caller
                && caller.kind() == Principal.Kind.CUSTOMER && caller.email() != null) {
            try {
                directory.remember(UUID.fromString(caller.id()), caller.email(), caller.name());
            } catch (RuntimeException e) {
                log.warn("could not record the email of customer {}: {}", caller.id(), e.toString());
            }
        }
        chain.doFilter(request, response);
    }
}
