package com.myagents.cp.customers;

import java.util.UUID;

/** A customer as stored: the password hash never leaves this package's callers' login check. */
public record Customer(UUID customerId, String email, String passwordHash, String displayName) {
}
