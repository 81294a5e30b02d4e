package com.myagents.contracts.execution;

/**
 * The customer published the approved post themselves (copied it into the platform's composer) and
 * says so. It travels on the execution request and, once enforcement allowed it, on the signed
 * command, so the connector records {@code executed_manually} instead of calling the platform.
 * {@code postedUrl} is the post's address when the customer gave one, otherwise {@code null}.
 */
public record ManualPublication(String postedUrl) {
}
