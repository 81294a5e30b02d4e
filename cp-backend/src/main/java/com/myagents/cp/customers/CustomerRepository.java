package com.myagents.cp.customers;

import static com.myagents.cp.jooq.generated.Tables.CUSTOMERS;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import com.myagents.cp.jooq.generated.tables.records.CustomersRecord;

@Repository
public class CustomerRepository {

    private final DSLContext db;

    public CustomerRepository(DSLContext db) {
        this.db = db;
    }

    /** Emails are stored lower-case, so the lookup is case-insensitive for the caller. */
    public Optional<Customer> findByEmail(String email) {
        return db.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.EMAIL.eq(email.trim().toLowerCase(Locale.ROOT)))
                .fetchOptional()
                .map(CustomerRepository::toCustomer);
    }

    public Optional<Customer> findById(UUID customerId) {
        return db.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.CUSTOMER_ID.eq(customerId))
                .fetchOptional()
                .map(CustomerRepository::toCustomer);
    }

    private static Customer toCustomer(CustomersRecord row) {
        return new Customer(row.getCustomerId(), row.getEmail(), row.getPasswordHash(), row.getDisplayName());
    }
}
